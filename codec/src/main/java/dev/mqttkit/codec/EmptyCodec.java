package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.PacketType;
import dev.mqttkit.codec.packet.ProtocolVersion;
import java.nio.ByteBuffer;

/** PINGREQ, PINGRESP and DISCONNECT (MQTT 3.1.1 sections 3.12-3.14): a fixed header and nothing else. */
final class EmptyCodec<P extends Packet> extends PacketCodec<P> {
    private final ReservedFlags reserved;
    private final P instance;

    EmptyCodec(PacketType type, P instance) {
        super(type);
        this.reserved = ReservedFlags.none(type);
        this.instance = instance;
    }

    @Override
    P decode(int flags, PacketReader r) {
        reserved.check(flags, r);
        r.requireLength(type().name(), 0);
        return instance;
    }

    @Override
    void checkSender(P p, ProtocolVersion v) {
        // nothing a sender could get wrong
    }

    @Override
    long remainingLength(P p) {
        return 0;
    }

    @Override
    int flags(P p) {
        return reserved.encode(false);
    }

    @Override
    void writeBody(P p, ByteBuffer out) {
        // no variable header, no payload
    }
}
