package dev.mqttkit.conformance.target;

import dev.mqttkit.conformance.SuiteConfig;

/** Picks the target the configuration names: a container image, a URL, or else the embedded reference broker. */
public final class Targets {
    private Targets() {
    }

    public static Target start(SuiteConfig config) {
        if (config.image() != null) {
            return ContainerTarget.start(config);
        }
        if (config.broker() != null) {
            return new UrlTarget(config);
        }
        return EmbeddedTarget.start(config);
    }
}
