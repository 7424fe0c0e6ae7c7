package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.PacketType;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import java.nio.ByteBuffer;

/**
 * Everything the codec knows about one packet type, in one place: how its body is read, which fixed-header flags and
 * body an encoder writes, and what a checked encoder refuses to send. {@link PacketCodecs} picks one by the type
 * nibble. The framing around the body (first byte, Remaining Length) is the same for every type and lives in
 * {@link MqttDecoder} and {@link MqttEncoder}.
 *
 * @param <P> the packet record of the type
 */
abstract class PacketCodec<P extends Packet> {
    private final PacketType type;

    PacketCodec(PacketType type) {
        this.type = type;
    }

    final PacketType type() {
        return type;
    }

    /**
     * Reads the body the framing cut out. Broken rules go to {@link PacketReader#violation} (fatal when strict), or
     * are thrown as {@link PacketReader#fatal} when no reading can go on.
     *
     * @param flags the fixed header's low nibble
     */
    abstract P decode(int flags, PacketReader body);

    /** Throws a {@link MalformedPacketException} naming the rule if a sender of {@code version} must not send this. */
    abstract void checkSender(P packet, ProtocolVersion version);

    /** The Remaining Length: a long, since fields can add up past what four bytes carry. */
    abstract long remainingLength(P packet);

    /** The fixed header's low nibble. */
    abstract int flags(P packet);

    /** Writes the variable header and payload; {@code out} has room for {@link #remainingLength} bytes. */
    abstract void writeBody(P packet, ByteBuffer out);

    /** Bytes a string field takes: its two-byte length and its UTF-8. */
    static int stringField(String s) {
        return 2 + Utf8.encodedLength(s);
    }

    /** Bytes a binary field (will message, password) takes: its two-byte length and its bytes. */
    static int binaryField(Payload p) {
        return 2 + p.size();
    }

    static void writeString(String s, ByteBuffer out) {
        int n = Utf8.encodedLength(s);
        out.putShort((short) n);
        if (n == s.length()) {
            for (int i = 0; i < n; i++) {
                out.put((byte) s.charAt(i));
            }
        } else {
            Utf8.write(s, out);
        }
    }

    static void writeBinary(Payload p, ByteBuffer out) {
        out.putShort((short) p.size());
        p.copyTo(out);
    }
}
