package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.PacketType;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Unsubscribe;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** UNSUBSCRIBE (MQTT 3.1.1 section 3.10): a packet identifier, then topic filters. */
final class UnsubscribeCodec extends PacketCodec<Unsubscribe> {
    private static final ReservedFlags FLAGS = ReservedFlags.qos1(PacketType.UNSUBSCRIBE, Rule.UNSUBSCRIBE_FLAGS);

    UnsubscribeCodec() {
        super(PacketType.UNSUBSCRIBE);
    }

    @Override
    Unsubscribe decode(int flags, PacketReader r) {
        FLAGS.check(flags, r);
        int packetId = r.packetId(PacketType.UNSUBSCRIBE);
        List<String> filters = new ArrayList<>(4);
        while (r.remaining() > 0) {
            filters.add(r.topicFilter("topic filter"));
        }
        if (filters.isEmpty()) {
            r.violation(Rule.UNSUBSCRIBE_EMPTY, r.offset(), "UNSUBSCRIBE must carry at least one topic filter");
        }
        return new Unsubscribe(packetId, filters, ReservedFlags.dup(flags, r.version()));
    }

    @Override
    void checkSender(Unsubscribe u, ProtocolVersion v) {
        SenderRules.packetId(u.packetId(), PacketType.UNSUBSCRIBE, v);
        SenderRules.require(!u.dup() || v == ProtocolVersion.MQTT_3_1, FLAGS.rule(), v,
                "DUP may only be set on an UNSUBSCRIBE in MQTT 3.1");
        SenderRules.require(!u.filters().isEmpty(), Rule.UNSUBSCRIBE_EMPTY, v,
                "UNSUBSCRIBE needs at least one topic filter");
        for (String f : u.filters()) {
            SenderRules.topicFilter(f, v);
        }
    }

    @Override
    long remainingLength(Unsubscribe u) {
        long n = 2;
        for (String f : u.filters()) {
            n += stringField(f);
        }
        return n;
    }

    @Override
    int flags(Unsubscribe u) {
        return FLAGS.encode(u.dup());
    }

    @Override
    void writeBody(Unsubscribe u, ByteBuffer out) {
        out.putShort((short) u.packetId());
        for (String f : u.filters()) {
            writeString(f, out);
        }
    }
}
