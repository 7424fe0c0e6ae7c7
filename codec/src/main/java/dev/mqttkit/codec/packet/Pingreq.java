package dev.mqttkit.codec.packet;

/** PINGREQ (MQTT 3.1.1 section 3.12): a fixed header and nothing else. */
public record Pingreq() implements Packet {
    public static final Pingreq INSTANCE = new Pingreq();

    @Override
    public PacketType type() {
        return PacketType.PINGREQ;
    }

    @Override
    public String summary() {
        return "PINGREQ";
    }
}
