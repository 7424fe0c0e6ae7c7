package dev.mqttkit.conformance.target;

import dev.mqttkit.conformance.SuiteConfig;

/**
 * Picks the target the configuration names: a container image, a URL, or else the embedded reference broker (also
 * when {@code mqtt.broker} is {@value EmbeddedTarget#OVER_TCP} or {@value EmbeddedTarget#OVER_WEBSOCKET}).
 */
public final class Targets {
    private Targets() {
    }

    public static Target start(SuiteConfig config) {
        if (config.image() != null) {
            return ContainerTarget.start(config);
        }
        if (config.broker() != null && !EmbeddedTarget.isNamedBy(config.broker())) {
            return new UrlTarget(config);
        }
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
}
