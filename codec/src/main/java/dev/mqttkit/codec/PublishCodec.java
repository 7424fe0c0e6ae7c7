package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.PacketType;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import java.nio.ByteBuffer;

/**
 * PUBLISH (MQTT 3.1.1 section 3.3): the one type whose fixed-header flags carry data (DUP, QoS, RETAIN). A QoS of 3
 * never gets here: the framing refuses it, since no reading of the body could follow.
 */
final class PublishCodec extends PacketCodec<Publish> {

    PublishCodec() {
        super(PacketType.PUBLISH);
    }

    @Override
    Publish decode(int flags, PacketReader r) {
        boolean dup = (flags & FixedHeader.DUP) != 0;
        Qos qos = Qos.of(FixedHeader.qos(flags));
        boolean retain = (flags & FixedHeader.RETAIN) != 0;
        if (dup && qos == Qos.AT_MOST_ONCE) {
            r.violation(Rule.PUBLISH_DUP_WITH_QOS_0, 0, "DUP must be 0 for a QoS 0 PUBLISH");
        }
        String topic = r.topicName("topic name");
        int packetId = qos == Qos.AT_MOST_ONCE ? 0 : r.packetId(PacketType.PUBLISH);
        return new Publish(dup, qos, retain, topic, packetId, r.rest());
    }

    @Override
    void checkSender(Publish p, ProtocolVersion v) {
        SenderRules.topicName(p.topic(), v, "topic name");
        if (p.qos() != Qos.AT_MOST_ONCE) {
            SenderRules.packetId(p.packetId(), PacketType.PUBLISH, v);
        } else {
            SenderRules.require(!p.dup() || v == ProtocolVersion.MQTT_3_1, Rule.PUBLISH_DUP_WITH_QOS_0, v,
                    "DUP must be 0 for a QoS 0 PUBLISH");
        }
    }

    @Override
    long remainingLength(Publish p) {
        return (long) stringField(p.topic()) + (p.qos() == Qos.AT_MOST_ONCE ? 0 : 2) + p.payload().size();
    }

    @Override
    int flags(Publish p) {
        return (p.dup() ? FixedHeader.DUP : 0) | (p.qos().value() << FixedHeader.QOS_SHIFT)
                | (p.retain() ? FixedHeader.RETAIN : 0);
    }

    @Override
    void writeBody(Publish p, ByteBuffer out) {
        writeString(p.topic(), out);
        if (p.qos() != Qos.AT_MOST_ONCE) {
            out.putShort((short) p.packetId());
        }
        p.payload().copyTo(out);
    }
}
