package dev.mqttkit.codec.packet;

/** PINGRESP (MQTT 3.1.1 section 3.13): a fixed header and nothing else. */
public record Pingresp() implements Packet {
    public static final Pingresp INSTANCE = new Pingresp();

    @Override
    public PacketType type() {
        return PacketType.PINGRESP;
    }

    @Override
    public String summary() {
        return "PINGRESP";
    }
}
