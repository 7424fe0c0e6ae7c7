package dev.mqttkit.codec.packet;

/**
 * PUBREL (MQTT 3.1.1 section 3.6).
 *
 * @param dup the DUP flag, which MQTT 3.1 sets on a retried PUBREL (3.1 section 3.6); always false in 3.1.1
 */
public record Pubrel(int packetId, boolean dup) implements PacketIdOnly {
    public Pubrel {
        Checks.packetId(packetId);
    }

    public Pubrel(int packetId) {
        this(packetId, false);
    }

    @Override
    public PacketType type() {
        return PacketType.PUBREL;
    }

    @Override
    public String summary() {
        return "PUBREL (" + (dup ? "d1, " : "") + "m" + packetId + ")";
    }
}
