package dev.mqttkit.codec.packet;

import java.util.List;

/**
 * SUBSCRIBE (MQTT 3.1.1 section 3.8).
 *
 * @param dup the DUP flag, which MQTT 3.1 sets on a retried SUBSCRIBE (3.1 section 3.8); always false in 3.1.1
 */
public record Subscribe(int packetId, List<Subscription> subscriptions, boolean dup) implements Packet {
    public Subscribe {
        Checks.packetId(packetId);
        subscriptions = List.copyOf(Checks.notNull("subscriptions", subscriptions));
    }

    public Subscribe(int packetId, List<Subscription> subscriptions) {
        this(packetId, subscriptions, false);
    }

    public static Subscribe of(int packetId, String filter, Qos qos) {
        return new Subscribe(packetId, List.of(new Subscription(filter, qos)));
    }

    @Override
    public PacketType type() {
        return PacketType.SUBSCRIBE;
    }

    @Override
    public String summary() {
        StringBuilder b = new StringBuilder("SUBSCRIBE (");
        if (dup) {
            b.append("d1, ");
        }
        b.append('m').append(packetId);
        for (Subscription s : subscriptions) {
            b.append(", ").append(Checks.quote(s.filter())).append(" q").append(s.qos().value());
        }
        return b.append(')').toString();
    }
}
