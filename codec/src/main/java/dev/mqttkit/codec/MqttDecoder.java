package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.PacketType;
import dev.mqttkit.codec.packet.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A streaming decoder for one connection: feed it bytes in any chunking and it returns the same packets.
 *
 * <p>Work is linear in the bytes received. The fixed header is read a byte at a time and never re-read; once the
 * Remaining Length is known, a packet whose body is already in the given buffer is decoded in place, and otherwise
 * the body is accumulated across calls and parsed exactly once, when complete. The accumulation buffer grows with the
 * bytes that actually arrive (at most four times what arrived plus 4 KiB), never to a length the peer only claimed.
 *
 * <p>Decisions where the specification leaves room:
 * <ul>
 *   <li>A Remaining Length encoded in more bytes than needed (e.g. {@code 80 00} for 0) is accepted. MQTT 3.1.1
 *       section 2.2.3 defines the decoding algorithm, which reads such encodings, and lists no rule against them (MQTT
 *       5 added one); a conformance kit must not fail a peer for what its standard allows. The encoder always writes
 *       the minimal form.</li>
 *   <li>A packet larger than {@link DecoderOptions#maxPacketSize()} is refused as soon as its Remaining Length is
 *       read, with the rule id {@code LIMIT-max-packet-size}: a local limit, not a rule of the specification.</li>
 * </ul>
 *
 * <p>After a {@link DecodeResult.Malformed} every further call returns the same result: the connection is to be
 * closed (MQTT 3.1.1 section 4.8). Not thread-safe; one decoder per connection.
 */
public final class MqttDecoder {
    private static final int MIN_ACCUMULATION = 4096;

    private final DecoderOptions options;
    private final PacketReader reader = new PacketReader();
    private ProtocolVersion version;

    private int headerLength; // fixed-header bytes read for the current packet, 0 when between packets
    private int firstByte;
    private int remainingLength;
    private byte[] body;
    private int filled;
    private DecodeResult.Malformed failure;

    public MqttDecoder(DecoderOptions options) {
        this.options = options;
        this.version = options.version();
    }

    /** The version packets are being read by: fixed by the options, or learned from the CONNECT. */
    public ProtocolVersion version() {
        return version != null ? version : ProtocolVersion.MQTT_3_1_1;
    }

    /** Whether a malformed packet has ended decoding on this connection. */
    public boolean isTerminated() {
        return failure != null;
    }

    /**
     * Consumes bytes from {@code in} (advancing its position) up to the end of the next packet and returns it, or
     * consumes all of them and asks for more. Call again while {@code in} has bytes left.
     */
    public DecodeResult next(ByteBuffer in) {
        if (failure != null) {
            return failure;
        }
        try {
            return step(in);
        } catch (MalformedPacketException e) {
            failure = new DecodeResult.Malformed(e.violation());
            body = null;
            return failure;
        }
    }

    private DecodeResult step(ByteBuffer in) {
        if (body == null && !readFixedHeader(in)) {
            return DecodeResult.NeedMoreBytes.INSTANCE;
        }
        if (body == null) {
            if (in.remaining() >= remainingLength && in.hasArray()) {
                int from = in.arrayOffset() + in.position();
                in.position(in.position() + remainingLength);
                return decoded(in.array(), from, options.shareInput());
            }
            body = new byte[accumulationSize(0, in.remaining())];
            filled = 0;
        }
        int n = Math.min(remainingLength - filled, in.remaining());
        if (filled + n > body.length) {
            body = java.util.Arrays.copyOf(body, accumulationSize(body.length, filled + n));
        }
        in.get(body, filled, n);
        filled += n;
        if (filled < remainingLength) {
            return DecodeResult.NeedMoreBytes.INSTANCE;
        }
        byte[] complete = body;
        body = null;
        return decoded(complete, 0, true);
    }

    /**
     * The accumulation buffer's next size with {@code arrived} body bytes in hand: the whole body as soon as that is
     * within the bound of four times what arrived plus 4 KiB, otherwise four times the current size. Jumping to the
     * exact size early saves the growth steps (each a copy of all bytes so far) that plain fourfold growth would take
     * to reach it: a 64 KiB body in 1460-byte reads is grown twice instead of three times, and 20 KiB re-copied instead
     * of 84 KiB.
     */
    private int accumulationSize(int current, int arrived) {
        long bound = 4L * arrived + MIN_ACCUMULATION;
        if (remainingLength <= bound) {
            return remainingLength;
        }
        return (int) Math.max(arrived, Math.max(MIN_ACCUMULATION, 4L * current));
    }

    /** Reads fixed-header bytes; true once the Remaining Length is complete. */
    private boolean readFixedHeader(ByteBuffer in) {
        while (in.hasRemaining()) {
            int b = in.get() & 0xFF;
            if (headerLength == 0) {
                firstByte = b;
                remainingLength = 0;
                headerLength = 1;
                checkFirstByte(b);
                continue;
            }
            int digit = b & FixedHeader.LENGTH_DIGIT_MASK;
            remainingLength |= digit << (FixedHeader.LENGTH_DIGIT_BITS * (headerLength - 1));
            headerLength++;
            if ((b & FixedHeader.LENGTH_CONTINUES) == 0) {
                long total = (long) headerLength + remainingLength;
                if (total > options.maxPacketSize()) {
                    throw fatal(Rule.PACKET_TOO_LARGE, 1, "packet of " + total + " bytes exceeds the maximum of "
                            + options.maxPacketSize());
                }
                return true;
            }
            if (headerLength == 1 + FixedHeader.MAX_LENGTH_BYTES) {
                throw fatal(Rule.REMAINING_LENGTH_TOO_LONG, 4,
                        "Remaining Length continues past its fourth byte");
            }
        }
        return false;
    }

    /** What no lenient reading can get past: an unknown type, or a PUBLISH whose QoS decides nothing. */
    private void checkFirstByte(int b) {
        int type = FixedHeader.type(b);
        if (!PacketCodecs.defines(type)) {
            throw fatal(Rule.RESERVED_PACKET_TYPE, 0, "packet type " + type + " is reserved");
        }
        if (type == PacketType.PUBLISH.value() && FixedHeader.qos(FixedHeader.flags(b)) == FixedHeader.RESERVED_QOS) {
            throw fatal(Rule.PUBLISH_QOS_3, 0, "PUBLISH QoS must be 0, 1 or 2 but was 3");
        }
    }

    /**
     * @param adopt whether payloads may view {@code buf} instead of copying it: the decoder's own accumulation
     *              buffer, or the caller's array under {@link DecoderOptions#sharingInput()}
     */
    private DecodeResult decoded(byte[] buf, int from, boolean adopt) {
        int length = headerLength + remainingLength;
        reader.reset(buf, from, from + remainingLength, headerLength, version(), options.lenient(), adopt);
        headerLength = 0;
        Packet packet;
        try {
            packet = PacketCodecs.forType(FixedHeader.type(firstByte)).decode(FixedHeader.flags(firstByte), reader);
        } finally {
            reader.release();
        }
        if (version == null && packet instanceof Connect connect) {
            version = connect.version();
        }
        List<Violation> violations = reader.violations();
        return new DecodeResult.Decoded(packet, length, violations);
    }

    private MalformedPacketException fatal(Rule rule, int offset, String detail) {
        return new MalformedPacketException(Violation.of(rule, version(), offset, detail));
    }
}
