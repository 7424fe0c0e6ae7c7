package dev.mqttkit.conformance.target;

/** Broker images the suite knows, pinned in one place. */
public final class Images {
    /** Built on this machine without a registry by {@code src/test/docker/build-mosquitto-image.sh}. */
    public static final String LOCAL_MOSQUITTO = "local/mosquitto:2.0";
    /** The public image, for machines with registry access. */
    public static final String ECLIPSE_MOSQUITTO = "eclipse-mosquitto:2.0.18";

    private Images() {
    }

    public static boolean isMosquitto(String image) {
        return image.contains("mosquitto");
    }
}
