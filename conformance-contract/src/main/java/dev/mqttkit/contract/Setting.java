package dev.mqttkit.contract;

import java.util.Locale;

/**
 * The settings of a conformance run, each a system property with an environment variable as fallback
 * ({@code mqtt.broker} / {@code MQTT_BROKER}). The suite, its command line and the report read them by these
 * constants only; the defaults given here are the only defaults.
 */
public enum Setting {
    BROKER("mqtt.broker", null),
    /**
     * The command line of a client driver (see {@code clients/README.md}): set, the client suite tests that client
     * library, starting the command once per case with the scripted broker's URL and the case's options.
     */
    CLIENT("mqtt.client", null),
    IMAGE("mqtt.broker.image", null),
    IMAGE_PORT("mqtt.broker.image.port", "1883"),
    IMAGE_CONFIG("mqtt.broker.image.config", null),
    USERNAME("mqtt.username", null),
    PASSWORD("mqtt.password", null),
    TRUSTSTORE("mqtt.truststore", null),
    TRUSTSTORE_PASSWORD("mqtt.truststore.password", null),
    TIMEOUT_SCALE("mqtt.timeout.scale", "1"),
    /** Client ids and topics; by default a random one per run. */
    PREFIX("mqtt.prefix", null),
    VERSIONS("mqtt.versions", "3.1,3.1.1"),
    ONLY("mqtt.only", null),
    TARGET_NAME("mqtt.target.name", null),
    REPORT_DIR("mqtt.report.dir", "reports"),
    /** A file of known deviations: the results it lists do not fail the build. */
    EXPECTATIONS("mqtt.expectations", null),
    /** {@code true}: a listed deviation that went away fails the build too, so the file is kept exact. */
    STRICT_EXPECTATIONS("mqtt.expectations.strict", "false");

    private final String property;
    private final String defaultValue;

    Setting(String property, String defaultValue) {
        this.property = property;
        this.defaultValue = defaultValue;
    }

    /** The system property (and JUnit configuration parameter), e.g. {@code mqtt.broker}. */
    public String property() {
        return property;
    }

    /** The environment variable read when the property is not set, e.g. {@code MQTT_BROKER}. */
    public String environmentVariable() {
        return property.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** The value used when neither is set; null when there is none. */
    public String defaultValue() {
        return defaultValue;
    }
}
