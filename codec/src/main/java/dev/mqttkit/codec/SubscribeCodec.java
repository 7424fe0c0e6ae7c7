package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.PacketType;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Subscribe;
import dev.mqttkit.codec.packet.Subscription;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** SUBSCRIBE (MQTT 3.1.1 section 3.8): a packet identifier, then topic filters, each with a requested QoS byte. */
final class SubscribeCodec extends PacketCodec<Subscribe> {
    // The requested QoS byte (MQTT 3.1.1 section 3.8.3.1): the QoS in bits 1-0, bits 7-2 reserved.
    static final int REQUESTED_QOS_MASK = 0x03;
    static final int REQUESTED_QOS_RESERVED = 0xFC;

    private static final ReservedFlags FLAGS = ReservedFlags.qos1(PacketType.SUBSCRIBE, Rule.SUBSCRIBE_FLAGS);

    SubscribeCodec() {
        super(PacketType.SUBSCRIBE);
    }

    @Override
    Subscribe decode(int flags, PacketReader r) {
        FLAGS.check(flags, r);
        int packetId = r.packetId(PacketType.SUBSCRIBE);
        List<Subscription> subscriptions = new ArrayList<>(4);
        while (r.remaining() > 0) {
            String filter = r.topicFilter("topic filter");
            int qosAt = r.offset();
            int q = r.u8("requested QoS");
            if ((q & REQUESTED_QOS_MASK) == FixedHeader.RESERVED_QOS) {
                throw r.fatal(Rule.SUBSCRIBE_QOS_INVALID, qosAt, "requested QoS must be 0, 1 or 2 but was 3");
            }
            if ((q & REQUESTED_QOS_RESERVED) != 0 && r.version() == ProtocolVersion.MQTT_3_1_1) {
                r.violation(Rule.SUBSCRIBE_QOS_INVALID, qosAt, "the requested QoS byte's reserved bits must be 0"
                        + " but the byte was 0x" + Integer.toHexString(q));
            }
            subscriptions.add(new Subscription(filter, Qos.of(q & REQUESTED_QOS_MASK)));
        }
        if (subscriptions.isEmpty()) {
            r.violation(Rule.SUBSCRIBE_EMPTY, r.offset(), "SUBSCRIBE must carry at least one topic filter");
        }
        return new Subscribe(packetId, subscriptions, ReservedFlags.dup(flags, r.version()));
    }

    @Override
    void checkSender(Subscribe s, ProtocolVersion v) {
        SenderRules.packetId(s.packetId(), PacketType.SUBSCRIBE, v);
        SenderRules.require(!s.dup() || v == ProtocolVersion.MQTT_3_1, FLAGS.rule(), v,
                "DUP may only be set on a SUBSCRIBE in MQTT 3.1");
        SenderRules.require(!s.subscriptions().isEmpty(), Rule.SUBSCRIBE_EMPTY, v,
                "SUBSCRIBE needs at least one topic filter");
        for (Subscription sub : s.subscriptions()) {
            SenderRules.topicFilter(sub.filter(), v);
        }
    }

    @Override
    long remainingLength(Subscribe s) {
        long n = 2;
        for (Subscription sub : s.subscriptions()) {
            n += stringField(sub.filter()) + 1;
        }
        return n;
    }

    @Override
    int flags(Subscribe s) {
        return FLAGS.encode(s.dup());
    }

    @Override
    void writeBody(Subscribe s, ByteBuffer out) {
        out.putShort((short) s.packetId());
        for (Subscription sub : s.subscriptions()) {
            writeString(sub.filter(), out);
            out.put((byte) sub.qos().value());
        }
    }
}
