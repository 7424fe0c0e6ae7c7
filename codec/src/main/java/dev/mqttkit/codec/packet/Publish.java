package dev.mqttkit.codec.packet;

/**
 * PUBLISH (MQTT 3.1.1 section 3.3).
 *
 * @param packetId the packet identifier; always 0 for QoS 0, which carries none on the wire
 */
public record Publish(boolean dup, Qos qos, boolean retain, String topic, int packetId, Payload payload)
        implements Packet {

    public Publish {
        Checks.notNull("qos", qos);
        Checks.notNull("topic", topic);
        Checks.notNull("payload", payload);
        Checks.packetId(packetId);
        if (qos == Qos.AT_MOST_ONCE && packetId != 0) {
            throw new IllegalArgumentException("a QoS 0 PUBLISH carries no packet id, but packetId was " + packetId);
        }
    }

    public static Publish qos0(String topic, Payload payload) {
        return new Publish(false, Qos.AT_MOST_ONCE, false, topic, 0, payload);
    }

    public static Publish of(Qos qos, String topic, int packetId, Payload payload) {
        return new Publish(false, qos, false, topic, qos == Qos.AT_MOST_ONCE ? 0 : packetId, payload);
    }

    public Publish withDup(boolean d) {
        return new Publish(d, qos, retain, topic, packetId, payload);
    }

    public Publish withRetain(boolean r) {
        return new Publish(dup, qos, r, topic, packetId, payload);
    }

    /** The same message at another QoS; the packet id is dropped for QoS 0 and set to {@code id} otherwise. */
    public Publish withQos(Qos q, int id) {
        return new Publish(q == Qos.AT_MOST_ONCE ? false : dup, q, retain, topic, q == Qos.AT_MOST_ONCE ? 0 : id,
                payload);
    }

    @Override
    public PacketType type() {
        return PacketType.PUBLISH;
    }

    @Override
    public String summary() {
        return "PUBLISH (d" + Checks.flag(dup) + ", q" + qos.value() + ", r" + Checks.flag(retain) + ", m" + packetId
                + ", " + Checks.quote(topic) + ", ... (" + payload.size() + " bytes))";
    }
}
