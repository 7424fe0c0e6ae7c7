package dev.mqttkit.conformance.junit;

import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.conformance.SuiteConfig;
import dev.mqttkit.conformance.client.ClientContext;
import dev.mqttkit.conformance.client.DeliveryLatency;
import dev.mqttkit.conformance.client.DeliveryListener;
import dev.mqttkit.conformance.client.DeliveryTimer;
import dev.mqttkit.conformance.client.Timeouts;
import dev.mqttkit.conformance.client.Transcript;
import dev.mqttkit.conformance.expect.Expectations;
import dev.mqttkit.conformance.probe.ConnectProbe;
import dev.mqttkit.conformance.probe.DeliveryCalibration;
import dev.mqttkit.conformance.target.BrokerIdentity;
import dev.mqttkit.conformance.target.Target;
import dev.mqttkit.conformance.target.Targets;
import dev.mqttkit.contract.Catalogue;
import dev.mqttkit.contract.Settings;
import dev.mqttkit.contract.TargetFacts;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What one run of the suite shares: configuration, catalogue, the target (started on first use, stopped when the
 * run ends), which protocol versions it speaks, how fast it delivers, whether it still answers, and the counter
 * behind unique client ids and topics. Lives in the root {@link ExtensionContext.Store}.
 */
public final class RunContext implements AutoCloseable {
    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create("dev.mqttkit.conformance");

    private final SuiteConfig config;
    private final Catalogue catalogue = Catalogue.load();
    private final Timeouts timeouts;
    private final DeliveryLatency latency;
    private final BrokerHealth health;
    private final AtomicLong counter = new AtomicLong();
    private final Map<String, String> testTags = TestNames.registry();
    private Target target;
    private RuntimeException targetFailure;
    private String unreachable;
    private Map<ProtocolVersion, String> unsupported = Map.of();
    private TargetFacts targetFacts;
    private Expectations expectations;

    RunContext(SuiteConfig config) {
        this.config = config;
        this.timeouts = Timeouts.scaledBy(config.timeoutScale());
        this.latency = new DeliveryLatency(timeouts);
        this.health = new BrokerHealth(timeouts);
    }

    /**
     * The run's context. Configuration comes from JUnit configuration parameters, which fall back to system
     * properties, so a launcher can run the suite against several brokers in one JVM.
     */
    public static RunContext of(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RunContext.class,
                k -> new RunContext(SuiteConfig.from(new Settings(
                        key -> context.getConfigurationParameter(key).orElse(null), System.getenv()))),
                RunContext.class);
    }

    public SuiteConfig config() {
        return config;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    BrokerHealth health() {
        return health;
    }

    /**
     * The target, started on first use. Once started it is asked, with one CONNECT per configured protocol version
     * sent at the same time, which versions it speaks; a target that answers none cannot be tested, and a target that
     * failed to start fails every test with the same reason.
     */
    public synchronized Target target() {
        if (targetFailure != null) {
            throw targetFailure;
        }
        if (target == null) {
            try {
                expectations = config.expectations() == null ? Expectations.none()
                        : Expectations.read(Path.of(config.expectations()));
                target = Targets.start(config);
            } catch (RuntimeException e) {
                targetFailure = e;
                throw e;
            }
            unreachable = target.endpoint().unreachableBecause(timeouts.connect()).orElse(null);
            if (unreachable == null) {
                probeVersions();
            }
        }
        return target;
    }

    private void probeVersions() {
        List<ProtocolVersion> versions = config.versions();
        List<String> ids = versions.stream().map(v -> uniqueName("hello")).toList();
        List<ConnectProbe> probes = ConnectProbe.all(clientContext(new Transcript(), DeliveryListener.NONE),
                versions, ids, timeouts.expect());
        Map<ProtocolVersion, String> refused = new LinkedHashMap<>();
        Optional<ProtocolVersion> spoken = Optional.empty();
        for (ConnectProbe p : probes) {
            if (p.outcome() == ConnectProbe.Outcome.ACCEPTED) {
                spoken = Optional.of(p.version());
            } else {
                refused.put(p.version(), p.detail());
            }
        }
        if (spoken.isEmpty()) {
            StringBuilder why = new StringBuilder("the broker at " + target.endpoint().url()
                    + " accepted no CONNECT of the configured protocol versions:");
            refused.forEach((v, d) -> why.append(" MQTT ").append(v.label()).append(' ').append(d).append(';'));
            unreachable = why.substring(0, why.length() - 1);
            return;
        }
        unsupported = Collections.unmodifiableMap(refused);
        DeliveryCalibration.measure(clientContext(new Transcript(), DeliveryListener.NONE), spoken.get(),
                uniqueName("latency") + "/calibration", uniqueName("calsub"), uniqueName("calpub"));
    }

    /**
     * Why the target cannot be tested (it failed to start, nothing accepted a connection at its endpoint, or it
     * accepted no CONNECT), else null. Published as {@code mqttkit.target.error}.
     */
    public synchronized String targetError() {
        try {
            target();
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
        return unreachable;
    }

    /** The user's known deviations ({@code mqtt.expectations}); none when no file is given. */
    synchronized Expectations expectations() {
        target();
        return expectations;
    }

    /** Why the broker does not speak {@code version}, if it refused the CONNECT probe of that version. */
    public synchronized Optional<String> unsupported(ProtocolVersion version) {
        target();
        return Optional.ofNullable(unsupported.get(version));
    }

    /** What the report says about the target; the broker's name is asked once, on first use. */
    public synchronized TargetFacts targetFacts() {
        if (targetFacts == null) {
            Target t = target();
            String broker = t.broker();
            if (broker == null && unreachable == null) {
                broker = BrokerIdentity.discover(clientContext(new Transcript(), DeliveryListener.NONE),
                        uniqueName("id")).orElse(null);
            }
            Map<String, String> versions = new LinkedHashMap<>();
            unsupported.forEach((v, why) -> versions.put(v.label(), why));
            targetFacts = new TargetFacts(t.name(), t.description(), t.endpoint().url(), t.image(), broker, versions);
        }
        return targetFacts;
    }

    /**
     * What a test's clients share; {@code listener} also hears every delivery, and the run's delivery timer times
     * them.
     */
    public ClientContext clientContext(Transcript transcript, DeliveryListener listener) {
        DeliveryListener both = DeliveryListener.both(new DeliveryTimer(latency), listener);
        return new ClientContext(target().endpoint(), transcript, timeouts,
                ClientContext.Credentials.of(config.userName(), config.password()), both, latency);
    }

    /**
     * A run-unique name for the run's own connections (version probes, latency calibration): the prefix, an upper
     * case {@code R}, a counter and a label, at most 23 characters. Tests take theirs from {@link #namesFor}.
     */
    public String uniqueName(String label) {
        String base = config.prefix() + "R" + Long.toString(counter.incrementAndGet(), 36);
        String l = label.replaceAll("[^A-Za-z0-9]", "");
        return base + l.substring(0, Math.min(l.length(), Math.max(0, 23 - base.length())));
    }

    /** The names of the test {@code testKey}: the same in every run with the same prefix (see {@link TestNames}). */
    TestNames namesFor(String testKey) {
        return TestNames.of(config.prefix(), testKey, testTags);
    }

    @Override
    public synchronized void close() {
        if (target != null) {
            target.close();
        }
    }
}
