package dev.mqttkit.conformance.junit;

import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.conformance.SuiteConfig;
import dev.mqttkit.contract.Catalogue;
import dev.mqttkit.contract.Settings;
import dev.mqttkit.contract.TargetFacts;
import dev.mqttkit.conformance.client.Timeouts;
import dev.mqttkit.conformance.target.BrokerIdentity;
import dev.mqttkit.conformance.target.Target;
import dev.mqttkit.conformance.target.Targets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What one run of the suite shares: configuration, catalogue, the target (started on first use, stopped when the
 * run ends) and the counter behind unique client ids and topics. Lives in the root {@link ExtensionContext.Store}.
 */
public final class RunContext implements AutoCloseable {
    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create("dev.mqttkit.conformance");

    private final SuiteConfig config;
    private final Catalogue catalogue = Catalogue.load();
    private final Timeouts timeouts;
    private final AtomicLong counter = new AtomicLong();
    private Target target;
    private RuntimeException targetFailure;
    private String unreachable;
    private TargetFacts targetFacts;

    RunContext(SuiteConfig config) {
        this.config = config;
        this.timeouts = Timeouts.scaledBy(config.timeoutScale());
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

    /**
     * The target, started on first use and probed once for a connection; a target that failed to start fails every
     * test with the same reason.
     */
    public synchronized Target target() {
        if (targetFailure != null) {
            throw targetFailure;
        }
        if (target == null) {
            try {
                target = Targets.start(config);
            } catch (RuntimeException e) {
                targetFailure = e;
                throw e;
            }
            unreachable = target.endpoint().unreachableBecause(timeouts.connect()).orElse(null);
        }
        return target;
    }

    /**
     * Why the target cannot be tested (it failed to start, or nothing accepted a connection at its endpoint when
     * the run began), else null. Published as {@code mqttkit.target.error}.
     */
    public synchronized String targetError() {
        try {
            target();
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
        return unreachable;
    }

    /** What the report says about the target; the broker's name is asked once, on first use. */
    public synchronized TargetFacts targetFacts() {
        if (targetFacts == null) {
            Target t = target();
            String broker = t.broker();
            if (broker == null && unreachable == null) {
                broker = BrokerIdentity.discover(t.endpoint(), uniqueName("id"), timeouts, config.userName(),
                        password()).orElse(null);
            }
            targetFacts = new TargetFacts(t.name(), t.description(), t.endpoint().url(), t.image(), broker);
        }
        return targetFacts;
    }

    Payload password() {
        return config.password() == null ? null : Payload.utf8(config.password());
    }

    /** A run-unique name: the prefix, a counter and a label, short enough for a 23-character 3.1 client id. */
    public String uniqueName(String label) {
        String base = config.prefix() + Long.toString(counter.incrementAndGet(), 36);
        String l = label.replaceAll("[^A-Za-z0-9]", "");
        return base + l.substring(0, Math.min(l.length(), Math.max(0, 23 - base.length())));
    }

    @Override
    public synchronized void close() {
        if (target != null) {
            target.close();
        }
    }
}
