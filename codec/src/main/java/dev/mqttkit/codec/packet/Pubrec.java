package dev.mqttkit.codec.packet;

/** PUBREC (MQTT 3.1.1 section 3.5). */
public record Pubrec(int packetId) implements PacketIdOnly {
    public Pubrec {
        Checks.packetId(packetId);
    }

    @Override
    public PacketType type() {
        return PacketType.PUBREC;
    }

    @Override
    public String summary() {
        return "PUBREC (m" + packetId + ")";
    }
}
