package dev.mqttkit.codec.packet;

/** The fourteen MQTT control packet types, by the value of the fixed header's high nibble. */
public enum PacketType {
    CONNECT(1), CONNACK(2), PUBLISH(3), PUBACK(4), PUBREC(5), PUBREL(6), PUBCOMP(7),
    SUBSCRIBE(8), SUBACK(9), UNSUBSCRIBE(10), UNSUBACK(11), PINGREQ(12), PINGRESP(13), DISCONNECT(14);

    private static final PacketType[] BY_VALUE = new PacketType[16];

    static {
        for (PacketType t : values()) {
            BY_VALUE[t.value] = t;
        }
    }

    private final int value;

    PacketType(int value) {
        this.value = value;
    }

    /** The type nibble, 1..14. */
    public int value() {
        return value;
    }

    /** The type for a nibble, or {@code null} for the reserved values 0 and 15. */
    public static PacketType fromValue(int nibble) {
        return BY_VALUE[nibble & 0x0F];
    }
}
