package dev.mqttkit.codec.packet;

/** PUBACK (MQTT 3.1.1 section 3.4). */
public record Puback(int packetId) implements PacketIdOnly {
    public Puback {
        Checks.packetId(packetId);
    }

    @Override
    public PacketType type() {
        return PacketType.PUBACK;
    }

    @Override
    public String summary() {
        return "PUBACK (m" + packetId + ")";
    }
}
