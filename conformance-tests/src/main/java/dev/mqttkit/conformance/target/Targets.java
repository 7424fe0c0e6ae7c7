package dev.mqttkit.conformance.target;

import dev.mqttkit.conformance.SuiteConfig;

/**
 * Picks the target the configuration names: a container image, a URL, or else the embedded reference broker (also
 * when {@code mqtt.broker} is {@value EmbeddedTarget#OVER_TCP} or {@value EmbeddedTarget#OVER_WEBSOCKET}). The
 * embedded broker and Testcontainers are optional dependencies of the suite (a broker project that tests its own
 * broker by URL needs neither Netty nor Docker on its class path), so a target whose library is missing fails with
 * what to add instead of a {@link NoClassDefFoundError} in every test.
 */
public final class Targets {
    static final String REFERENCE_BROKER_CLASS = "dev.mqttkit.broker.ReferenceBroker";
    static final String TESTCONTAINERS_CLASS = "org.testcontainers.containers.GenericContainer";

    private Targets() {
    }

    public static Target start(SuiteConfig config) {
        if (config.image() != null) {
            require(TESTCONTAINERS_CLASS, "mqtt.broker.image (" + config.image() + ") is started through "
                    + "Testcontainers, which is not on the class path: add org.testcontainers:testcontainers to the "
                    + "test dependencies, or start the broker yourself and set mqtt.broker");
            return ContainerTarget.start(config);
        }
        if (config.broker() != null && !EmbeddedTarget.isNamedBy(config.broker())) {
            return new UrlTarget(config);
        }
        require(REFERENCE_BROKER_CLASS, "no broker is given and the embedded reference broker is not on the class "
                + "path: set mqtt.broker (MQTT_BROKER) to tcp://HOST:PORT, or add dev.mqttkit:mqttkit-reference-broker"
                + " to the test dependencies");
        return EmbeddedTarget.start(config);
    }

    /**
     * Checks an {@code mqtt.broker} value before anything starts: a URL {@link BrokerUrl} accepts, or a name of the
     * embedded reference broker.
     *
     * @throws IllegalArgumentException saying what is wrong and what is accepted
     */
    public static void checkBroker(String broker) {
        if (!EmbeddedTarget.isNamedBy(broker)) {
            BrokerUrl.parse(broker);
        }
    }

    static void require(String className, String otherwise) {
        try {
            Class.forName(className, false, Targets.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(otherwise, e);
        }
    }
}
