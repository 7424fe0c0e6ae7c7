package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.PacketType;
import dev.mqttkit.codec.packet.ProtocolVersion;
import java.nio.ByteBuffer;

/** CONNACK (MQTT 3.1.1 section 3.2): acknowledge flags and a return code. */
final class ConnackCodec extends PacketCodec<Connack> {
    // The acknowledge flags byte (MQTT 3.1.1 section 3.2.2.1); MQTT 3.1 reserves the whole byte.
    static final int SESSION_PRESENT = 0x01;
    static final int ACK_FLAGS_RESERVED = 0xFE;

    private static final ReservedFlags FLAGS = ReservedFlags.none(PacketType.CONNACK);
    private static final int LENGTH = 2;

    ConnackCodec() {
        super(PacketType.CONNACK);
    }

    @Override
    Connack decode(int flags, PacketReader r) {
        FLAGS.check(flags, r);
        r.requireLength("CONNACK", LENGTH);
        int ackFlags = r.u8("acknowledge flags");
        if ((ackFlags & ACK_FLAGS_RESERVED) != 0) {
            r.violation(Rule.CONNACK_RESERVED_FLAGS, 2,
                    "acknowledge flags bits 7-1 must be 0 but the byte was 0x" + Integer.toHexString(ackFlags));
        }
        boolean sessionPresent = r.version() != ProtocolVersion.MQTT_3_1 && (ackFlags & SESSION_PRESENT) != 0;
        int code = r.u8("return code");
        if (code > Connack.NOT_AUTHORIZED) {
            r.violation(Rule.CONNACK_RESERVED_CODE, 3, "return code " + code + " is reserved");
        }
        if (sessionPresent && code != Connack.ACCEPTED) {
            r.violation(Rule.CONNACK_SESSION_PRESENT_WITH_ERROR, 2,
                    "session present must be 0 with return code " + code);
        }
        r.requireEnd("CONNACK");
        return new Connack(sessionPresent, code);
    }

    @Override
    void checkSender(Connack c, ProtocolVersion v) {
        if (c.returnCode() > Connack.NOT_AUTHORIZED) {
            SenderRules.fail(Rule.CONNACK_RESERVED_CODE, v, "return code " + c.returnCode() + " is reserved");
        }
        if (c.sessionPresent() && c.returnCode() != Connack.ACCEPTED) {
            SenderRules.fail(Rule.CONNACK_SESSION_PRESENT_WITH_ERROR, v,
                    "session present must be 0 with return code " + c.returnCode());
        }
        SenderRules.require(!(c.sessionPresent() && v == ProtocolVersion.MQTT_3_1), Rule.CONNACK_RESERVED_FLAGS, v,
                "MQTT 3.1 has no session-present flag");
    }

    @Override
    long remainingLength(Connack c) {
        return LENGTH;
    }

    @Override
    int flags(Connack c) {
        return FLAGS.encode(false);
    }

    @Override
    void writeBody(Connack c, ByteBuffer out) {
        out.put((byte) (c.sessionPresent() ? SESSION_PRESENT : 0));
        out.put((byte) c.returnCode());
    }
}
