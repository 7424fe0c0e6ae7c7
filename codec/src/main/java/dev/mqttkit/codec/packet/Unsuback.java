package dev.mqttkit.codec.packet;

/** UNSUBACK (MQTT 3.1.1 section 3.11). */
public record Unsuback(int packetId) implements PacketIdOnly {
    public Unsuback {
        Checks.packetId(packetId);
    }

    @Override
    public PacketType type() {
        return PacketType.UNSUBACK;
    }

    @Override
    public String summary() {
        return "UNSUBACK (m" + packetId + ")";
    }
}
