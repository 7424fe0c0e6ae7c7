package dev.mqttkit.report;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The contract's configuration as far as the report needs it. A system property wins over the environment variable,
 * as everywhere in the suite.
 */
public final class ReportSettings {

    static final String REPORT_DIR = "mqtt.report.dir";
    static final String TARGET_NAME = "mqtt.target.name";
    static final String DEFAULT_REPORT_DIR = "reports";
    static final String UNKNOWN_TARGET = "unknown-target";

    private final UnaryOperator<String> properties;
    private final Map<String, String> environment;

    ReportSettings(UnaryOperator<String> properties, Map<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    public static ReportSettings fromSystem() {
        return new ReportSettings(System::getProperty, System.getenv());
    }

    /** {@code mqtt.report.dir}, else {@code MQTT_REPORT_DIR}, else {@code reports}. */
    public Path reportDir() {
        return Path.of(value(REPORT_DIR, DEFAULT_REPORT_DIR));
    }

    /** Used only for tests that did not say which target they ran against. */
    String fallbackTargetName() {
        return value(TARGET_NAME, UNKNOWN_TARGET);
    }

    private String value(String property, String fallback) {
        String v = properties.apply(property);
        if (v == null || v.isBlank()) {
            v = environment.get(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
        }
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
