package dev.mqttkit.codec.packet;

/** DISCONNECT (MQTT 3.1.1 section 3.14): a fixed header and nothing else. */
public record Disconnect() implements Packet {
    public static final Disconnect INSTANCE = new Disconnect();

    @Override
    public PacketType type() {
        return PacketType.DISCONNECT;
    }

    @Override
    public String summary() {
        return "DISCONNECT";
    }
}
