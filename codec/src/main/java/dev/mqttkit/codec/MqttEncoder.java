package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.ProtocolVersion;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * Encodes packets byte-exactly, with the minimal Remaining Length, for one protocol version (a CONNECT always uses
 * its own). A checked encoder refuses, with a {@link MalformedPacketException} naming the rule, what the specification
 * forbids a sender to send; {@link #unchecked} skips those checks for tests that send faulty packets on purpose (for
 * bytes no packet record can express, see {@link RawFrame}).
 */
public final class MqttEncoder {
    /** The largest Remaining Length four bytes can carry. */
    public static final int MAX_REMAINING_LENGTH = 268_435_455;

    private final ProtocolVersion version;
    private final boolean checked;

    private MqttEncoder(ProtocolVersion version, boolean checked) {
        this.version = version;
        this.checked = checked;
    }

    public static MqttEncoder of(ProtocolVersion version) {
        return new MqttEncoder(version, true);
    }

    public static MqttEncoder unchecked(ProtocolVersion version) {
        return new MqttEncoder(version, false);
    }

    public ProtocolVersion version() {
        return version;
    }

    /** The packet's bytes in a new array. */
    public byte[] encode(Packet packet) {
        PacketCodec<Packet> codec = PacketCodecs.of(packet);
        int remaining = remainingLength(codec, packet);
        byte[] out = new byte[1 + lengthFieldSize(remaining) + remaining];
        write(codec, packet, remaining, ByteBuffer.wrap(out));
        return out;
    }

    /**
     * Writes the packet at {@code out}'s position, advancing it.
     *
     * @throws BufferOverflowException when {@code out} has less room than {@link #encodedLength}; nothing is written
     *                                 then
     */
    public void encode(Packet packet, ByteBuffer out) {
        PacketCodec<Packet> codec = PacketCodecs.of(packet);
        int remaining = remainingLength(codec, packet);
        if (out.remaining() < 1 + lengthFieldSize(remaining) + remaining) {
            throw new BufferOverflowException();
        }
        write(codec, packet, remaining, out);
    }

    /** The packet's size on the wire, fixed header included. */
    public int encodedLength(Packet packet) {
        int remaining = remainingLength(PacketCodecs.of(packet), packet);
        return 1 + lengthFieldSize(remaining) + remaining;
    }

    /** Bytes needed to encode {@code remainingLength}: 1 to 4. */
    public static int lengthFieldSize(int remainingLength) {
        return remainingLength < 128 ? 1 : remainingLength < 16_384 ? 2 : remainingLength < 2_097_152 ? 3 : 4;
    }

    /** Writes {@code value} as a minimal Remaining Length (MQTT 3.1.1 section 2.2.3). */
    public static void writeRemainingLength(int value, ByteBuffer out) {
        if (value < 0 || value > MAX_REMAINING_LENGTH) {
            throw new IllegalArgumentException("Remaining Length must be 0.." + MAX_REMAINING_LENGTH + " but was "
                    + value);
        }
        do {
            int digit = value & FixedHeader.LENGTH_DIGIT_MASK;
            value >>>= FixedHeader.LENGTH_DIGIT_BITS;
            out.put((byte) (value > 0 ? digit | FixedHeader.LENGTH_CONTINUES : digit));
        } while (value > 0);
    }

    /** Checks the packet when checked, and returns its Remaining Length. */
    private int remainingLength(PacketCodec<Packet> codec, Packet p) {
        if (checked) {
            codec.checkSender(p, version);
        }
        long n = codec.remainingLength(p);
        if (n > MAX_REMAINING_LENGTH) {
            throw new MalformedPacketException(Violation.of(Rule.PACKET_TOO_LARGE, version, -1,
                    p.type() + " needs Remaining Length " + n + ", above the protocol maximum "
                    + MAX_REMAINING_LENGTH));
        }
        return (int) n;
    }

    private static void write(PacketCodec<Packet> codec, Packet p, int remaining, ByteBuffer out) {
        out.put((byte) ((codec.type().value() << FixedHeader.TYPE_SHIFT) | codec.flags(p)));
        writeRemainingLength(remaining, out);
        codec.writeBody(p, out);
    }
}
