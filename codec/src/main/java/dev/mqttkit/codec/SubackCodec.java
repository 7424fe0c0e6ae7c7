package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.PacketType;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Suback;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** SUBACK (MQTT 3.1.1 section 3.9): a packet identifier, then one return code per requested filter. */
final class SubackCodec extends PacketCodec<Suback> {
    private static final ReservedFlags FLAGS = ReservedFlags.none(PacketType.SUBACK);

    SubackCodec() {
        super(PacketType.SUBACK);
    }

    /** A granted QoS, or the failure code 0x80 that MQTT 3.1.1 added. */
    private static boolean allowed(int code, ProtocolVersion v) {
        return code <= 2 || (code == Suback.FAILURE && v == ProtocolVersion.MQTT_3_1_1);
    }

    @Override
    Suback decode(int flags, PacketReader r) {
        FLAGS.check(flags, r);
        int packetId = r.packetId(PacketType.SUBACK);
        List<Integer> codes = new ArrayList<>(Math.min(r.remaining(), 16));
        while (r.remaining() > 0) {
            int at = r.offset();
            int code = r.u8("return code");
            if (!allowed(code, r.version())) {
                r.violation(Rule.SUBACK_RESERVED_CODE, at, "SUBACK return code 0x" + Integer.toHexString(code)
                        + " is not allowed in MQTT " + r.version().label());
            }
            codes.add(code);
        }
        if (codes.isEmpty()) {
            r.violation(Rule.FIELD_PAST_END, r.offset(), "SUBACK must carry at least one return code");
        }
        return new Suback(packetId, codes);
    }

    @Override
    void checkSender(Suback s, ProtocolVersion v) {
        SenderRules.packetId(s.packetId(), PacketType.SUBACK, v);
        SenderRules.require(!s.returnCodes().isEmpty(), Rule.FIELD_PAST_END, v,
                "SUBACK needs at least one return code");
        for (int code : s.returnCodes()) {
            if (!allowed(code, v)) {
                SenderRules.fail(Rule.SUBACK_RESERVED_CODE, v,
                        "SUBACK return code 0x" + Integer.toHexString(code) + " is not allowed in MQTT " + v.label());
            }
        }
    }

    @Override
    long remainingLength(Suback s) {
        return 2L + s.returnCodes().size();
    }

    @Override
    int flags(Suback s) {
        return FLAGS.encode(false);
    }

    @Override
    void writeBody(Suback s, ByteBuffer out) {
        out.putShort((short) s.packetId());
        for (int code : s.returnCodes()) {
            out.put((byte) code);
        }
    }
}
