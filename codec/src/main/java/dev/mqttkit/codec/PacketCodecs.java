package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.Disconnect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.PacketType;
import dev.mqttkit.codec.packet.Pingreq;
import dev.mqttkit.codec.packet.Pingresp;

/**
 * The codec of every packet type, indexed by the type nibble. A class of its own rather than a static of
 * {@link PacketCodec}, so that the table is only built once every codec class can be initialised.
 *
 * <p>Every packet decoded or encoded makes virtual calls on a codec from this table, call sites that see twelve codec
 * classes. Unlike the lambdas of an earlier table (interface calls the JIT could not inline, replaced by a switch for
 * that reason), these are calls on an abstract class, dispatched through its vtable, each landing in a codec method
 * compiled with its helpers inlined. Measured against that switch with the bench's codec benchmarks: decoding as
 * fast, encoding faster. What does cost is a second dispatch inside a codec (see {@link IdOnlyCodec}).
 */
final class PacketCodecs {
    private static final PacketCodec<?>[] BY_TYPE = new PacketCodec<?>[16]; // one for each value of a nibble

    static {
        add(new ConnectCodec());
        add(new ConnackCodec());
        add(new PublishCodec());
        add(new IdOnlyCodec.PubackCodec());
        add(new IdOnlyCodec.PubrecCodec());
        add(new IdOnlyCodec.PubrelCodec());
        add(new IdOnlyCodec.PubcompCodec());
        add(new SubscribeCodec());
        add(new SubackCodec());
        add(new UnsubscribeCodec());
        add(new IdOnlyCodec.UnsubackCodec());
        add(new EmptyCodec<>(PacketType.PINGREQ, Pingreq.INSTANCE));
        add(new EmptyCodec<>(PacketType.PINGRESP, Pingresp.INSTANCE));
        add(new EmptyCodec<>(PacketType.DISCONNECT, Disconnect.INSTANCE));
    }

    private PacketCodecs() {
    }

    private static void add(PacketCodec<?> codec) {
        BY_TYPE[codec.type().value()] = codec;
    }

    /** Whether {@code typeNibble} names a packet type: false for the reserved values 0 and 15. */
    static boolean defines(int typeNibble) {
        return BY_TYPE[typeNibble] != null;
    }

    /** The codec for a type nibble that {@link #defines} a type. */
    static PacketCodec<?> forType(int typeNibble) {
        PacketCodec<?> codec = BY_TYPE[typeNibble];
        if (codec == null) {
            throw new IllegalArgumentException("packet type " + typeNibble + " is reserved");
        }
        return codec;
    }

    /** The codec for {@code packet}'s type. */
    @SuppressWarnings("unchecked") // each record reports its own type, whose codec is a PacketCodec of that record
    static <P extends Packet> PacketCodec<P> of(P packet) {
        return (PacketCodec<P>) BY_TYPE[packet.type().value()];
    }
}
