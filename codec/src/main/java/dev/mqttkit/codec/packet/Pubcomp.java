package dev.mqttkit.codec.packet;

/** PUBCOMP (MQTT 3.1.1 section 3.7). */
public record Pubcomp(int packetId) implements PacketIdOnly {
    public Pubcomp {
        Checks.packetId(packetId);
    }

    @Override
    public PacketType type() {
        return PacketType.PUBCOMP;
    }

    @Override
    public String summary() {
        return "PUBCOMP (m" + packetId + ")";
    }
}
