package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.PacketIdOnly;
import dev.mqttkit.codec.packet.PacketType;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Pubcomp;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Unsuback;
import java.nio.ByteBuffer;

/**
 * PUBACK, PUBREC, PUBREL, PUBCOMP and UNSUBACK (MQTT 3.1.1 sections 3.4-3.7 and 3.11): a packet identifier and
 * nothing else. They differ only in their fixed-header flags, PUBREL alone being sent with QoS 1 and, in MQTT 3.1,
 * with DUP when retried, and in the record they make.
 *
 * <p>Each type's {@code decode} is its own small method that calls the record's constructor, rather than one shared
 * method calling a factory: such a factory call, made for most packets of a connection, sees five lambda classes, and
 * dispatching it cost the decoder a third of its speed on the bench workload.
 */
abstract class IdOnlyCodec<P extends PacketIdOnly> extends PacketCodec<P> {
    private static final int LENGTH = 2;

    private final ReservedFlags reserved;
    private final String name;

    private IdOnlyCodec(ReservedFlags reserved) {
        super(reserved.type());
        this.reserved = reserved;
        this.name = reserved.type().name();
    }

    /** Reads the body, checking the flags and the fixed length, and returns the packet identifier. */
    final int packetId(int flags, PacketReader r) {
        reserved.check(flags, r);
        r.requireLength(name, LENGTH);
        int id = r.packetId(reserved.type());
        r.requireEnd(name);
        return id;
    }

    @Override
    final void checkSender(P p, ProtocolVersion v) {
        SenderRules.packetId(p.packetId(), reserved.type(), v);
        SenderRules.require(!dup(p) || v == ProtocolVersion.MQTT_3_1, reserved.rule(), v,
                "DUP may only be set on a PUBREL in MQTT 3.1");
    }

    private static boolean dup(PacketIdOnly p) {
        return p instanceof Pubrel r && r.dup();
    }

    @Override
    final long remainingLength(P p) {
        return LENGTH;
    }

    @Override
    final int flags(P p) {
        return reserved.encode(dup(p));
    }

    @Override
    final void writeBody(P p, ByteBuffer out) {
        out.putShort((short) p.packetId());
    }

    static final class PubackCodec extends IdOnlyCodec<Puback> {
        PubackCodec() {
            super(ReservedFlags.none(PacketType.PUBACK));
        }

        @Override
        Puback decode(int flags, PacketReader r) {
            return new Puback(packetId(flags, r));
        }
    }

    static final class PubrecCodec extends IdOnlyCodec<Pubrec> {
        PubrecCodec() {
            super(ReservedFlags.none(PacketType.PUBREC));
        }

        @Override
        Pubrec decode(int flags, PacketReader r) {
            return new Pubrec(packetId(flags, r));
        }
    }

    static final class PubrelCodec extends IdOnlyCodec<Pubrel> {
        PubrelCodec() {
            super(ReservedFlags.qos1(PacketType.PUBREL, Rule.PUBREL_FLAGS));
        }

        @Override
        Pubrel decode(int flags, PacketReader r) {
            return new Pubrel(packetId(flags, r), ReservedFlags.dup(flags, r.version()));
        }
    }

    static final class PubcompCodec extends IdOnlyCodec<Pubcomp> {
        PubcompCodec() {
            super(ReservedFlags.none(PacketType.PUBCOMP));
        }

        @Override
        Pubcomp decode(int flags, PacketReader r) {
            return new Pubcomp(packetId(flags, r));
        }
    }

    static final class UnsubackCodec extends IdOnlyCodec<Unsuback> {
        UnsubackCodec() {
            super(ReservedFlags.none(PacketType.UNSUBACK));
        }

        @Override
        Unsuback decode(int flags, PacketReader r) {
            return new Unsuback(packetId(flags, r));
        }
    }
}
