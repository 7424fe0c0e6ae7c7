package dev.mqttkit.conformance.clientside;

import dev.mqttkit.conformance.SuiteConfig;
import dev.mqttkit.conformance.client.Timeouts;
import dev.mqttkit.conformance.expect.Expectations;
import dev.mqttkit.contract.Catalogue;
import dev.mqttkit.contract.Setting;
import dev.mqttkit.contract.Settings;
import dev.mqttkit.contract.TargetFacts;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What one run of the client suite shares: the configuration (the same settings as the broker suite, plus
 * {@code mqtt.client}), the driver command, the catalogue, the expectations file, and the counter behind unique
 * client ids and topic prefixes. Lives in the root {@link ExtensionContext.Store}; there is no broker target.
 */
public final class ClientRun {
    static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create("dev.mqttkit.conformance.clientside");
    /** The report folder of a client target when {@code mqtt.target.name} is not given. */
    public static final String DEFAULT_NAME = "client";

    private final SuiteConfig config;
    private final String commandText;
    private final Catalogue catalogue = Catalogue.load();
    private final Timeouts timeouts;
    private final AtomicLong counter = new AtomicLong();
    private volatile String library;
    private Expectations expectations;

    ClientRun(SuiteConfig config, String commandText) {
        this.config = config;
        this.commandText = commandText;
        this.timeouts = Timeouts.scaledBy(config.timeoutScale());
    }

    /** The run's context, from JUnit configuration parameters with system properties and environment as fallback. */
    public static ClientRun of(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ClientRun.class, k -> {
            Settings settings = new Settings(key -> context.getConfigurationParameter(key).orElse(null),
                    System.getenv());
            return new ClientRun(SuiteConfig.from(settings), settings.get(Setting.CLIENT));
        }, ClientRun.class);
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

    /** Whether a driver command was given; without one the client suite does not run. */
    public boolean hasClient() {
        return commandText != null && !commandText.isBlank();
    }

    /** The driver command; {@link IllegalArgumentException} when it cannot be parsed. */
    public DriverCommand command() {
        return DriverCommand.parse(commandText);
    }

    /** How long a started driver may take to open its first connection (a JVM starting on a busy machine). */
    public java.time.Duration driverStart() {
        return timeouts.scaled(java.time.Duration.ofSeconds(20));
    }

    /** The user's known deviations ({@code mqtt.expectations}); none when no file is given. */
    public synchronized Expectations expectations() {
        if (expectations == null) {
            expectations = config.expectations() == null ? Expectations.none()
                    : Expectations.read(Path.of(config.expectations()));
        }
        return expectations;
    }

    /** Notes the library a driver named (its first output line), for the report. */
    void library(String name) {
        if (name != null && library == null) {
            library = name;
        }
    }

    /** The client target as the report shows it. */
    public TargetFacts targetFacts() {
        String name = config.targetName() == null ? DEFAULT_NAME : config.targetName();
        return new TargetFacts(name, "client library driven by: " + commandText, null, null, library, Map.of(),
                TargetFacts.Kind.CLIENT);
    }

    /** A run-unique name: the prefix, a counter and a label, short enough for a 23-character 3.1 client id. */
    public String uniqueName(String label) {
        String base = config.prefix() + Long.toString(counter.incrementAndGet(), 36);
        String l = label.replaceAll("[^A-Za-z0-9]", "");
        return base + l.substring(0, Math.min(l.length(), Math.max(0, 23 - base.length())));
    }
}
