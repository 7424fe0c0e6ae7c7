package dev.mqttkit.codec.packet;

/** Quality of service levels (MQTT 3.1.1 section 4.3). The wire value 3 is reserved and has no constant. */
public enum Qos {
    AT_MOST_ONCE, AT_LEAST_ONCE, EXACTLY_ONCE;

    private static final Qos[] VALUES = values();

    public int value() {
        return ordinal();
    }

    /** @throws IllegalArgumentException for anything but 0, 1 or 2 */
    public static Qos of(int value) {
        if (value < 0 || value > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2 but was " + value);
        }
        return VALUES[value];
    }

    /** The lower of two levels: what a subscriber granted {@code b} receives of a message published at {@code a}. */
    public static Qos min(Qos a, Qos b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    public static Qos max(Qos a, Qos b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
