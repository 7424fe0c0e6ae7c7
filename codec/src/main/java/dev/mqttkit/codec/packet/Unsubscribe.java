package dev.mqttkit.codec.packet;

import java.util.List;

/**
 * UNSUBSCRIBE (MQTT 3.1.1 section 3.10).
 *
 * @param dup the DUP flag, which MQTT 3.1 sets on a retried UNSUBSCRIBE (3.1 section 3.10); always false in 3.1.1
 */
public record Unsubscribe(int packetId, List<String> filters, boolean dup) implements Packet {
    public Unsubscribe {
        Checks.packetId(packetId);
        filters = List.copyOf(Checks.notNull("filters", filters));
    }

    public Unsubscribe(int packetId, List<String> filters) {
        this(packetId, filters, false);
    }

    @Override
    public PacketType type() {
        return PacketType.UNSUBSCRIBE;
    }

    @Override
    public String summary() {
        StringBuilder b = new StringBuilder("UNSUBSCRIBE (");
        if (dup) {
            b.append("d1, ");
        }
        b.append('m').append(packetId);
        for (String f : filters) {
            b.append(", ").append(Checks.quote(f));
        }
        return b.append(')').toString();
    }
}
