package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;

/**
 * How a {@link MqttDecoder} reads.
 *
 * @param lenient        false (strict): the first broken rule ends decoding, as the specification tells a receiver.
 *                       True: rules that leave the packet readable are recorded in
 *                       {@link DecodeResult.Decoded#violations()} and decoding goes on, so that a test client can
 *                       report a broker's malformed output as a finding
 * @param maxPacketSize  the largest packet accepted, fixed header included; checked as soon as the Remaining Length
 *                       is known, before any byte of the body is stored
 * @param version        the version the peer speaks, or null on the server side: there the version is learned from
 *                       the CONNECT, and packets before it are read by 3.1.1 rules
 * @param shareInput     false (the default): every {@link Payload} owns its bytes, and the caller may reuse or
 *                       overwrite its buffer as soon as {@link MqttDecoder#next} returns. True: see
 *                       {@link #sharingInput()}
 */
public record DecoderOptions(boolean lenient, int maxPacketSize, ProtocolVersion version, boolean shareInput) {
    /** The protocol maximum: four bytes of Remaining Length (268,435,455) plus the five-byte fixed header. */
    public static final int PROTOCOL_MAXIMUM = 268_435_455 + 5;

    public DecoderOptions {
        if (maxPacketSize < 2) {
            throw new IllegalArgumentException("maxPacketSize must be at least 2 but was " + maxPacketSize);
        }
    }

    /** Options that copy payloads (the safe default). */
    public DecoderOptions(boolean lenient, int maxPacketSize, ProtocolVersion version) {
        this(lenient, maxPacketSize, version, false);
    }

    /** Strict, protocol maximum size, version learned from the CONNECT: what a broker uses. */
    public static DecoderOptions server() {
        return new DecoderOptions(false, PROTOCOL_MAXIMUM, null, false);
    }

    /** Strict, protocol maximum size, for a client that connected with {@code version}. */
    public static DecoderOptions client(ProtocolVersion version) {
        return new DecoderOptions(false, PROTOCOL_MAXIMUM, version, false);
    }

    public DecoderOptions asLenient() {
        return new DecoderOptions(true, maxPacketSize, version, shareInput);
    }

    public DecoderOptions withMaxPacketSize(int max) {
        return new DecoderOptions(lenient, max, version, shareInput);
    }

    /**
     * Zero-copy payloads, for a caller that promises never to modify the bytes it passes to {@link MqttDecoder#next}
     * again: it reads each network read into a fresh array, or decodes an immutable {@code byte[]}. A packet that
     * lies whole inside a heap buffer with an accessible array is then decoded in place, and its payloads (PUBLISH
     * payload, will message, password) are views of the caller's array ({@link Payload#adopt}) instead of copies.
     *
     * <p>Why opt-in: copying is what makes a {@link Payload} immutable whatever the caller does with its buffer, and
     * for large payloads the copy is most of the decoding work. Sharing skips it, at two costs the caller accepts: a
     * write to the array after {@code next} changes packets already returned (a broken promise is a silent data
     * race, not an error), and each such payload keeps the caller's whole array reachable for as long as it lives.
     * Packets split across calls are unaffected: the decoder assembles them in an array of its own, whose payloads
     * are never copied in either mode. Direct and read-only buffers are always copied. The decoder's own memory use
     * and its results are the same in both modes.
     */
    public DecoderOptions sharingInput() {
        return new DecoderOptions(lenient, maxPacketSize, version, true);
    }
}
