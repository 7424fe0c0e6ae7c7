package dev.mqttkit.codec;

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
 */
public record DecoderOptions(boolean lenient, int maxPacketSize, ProtocolVersion version) {
    /** The protocol maximum: four bytes of Remaining Length (268,435,455) plus the five-byte fixed header. */
    public static final int PROTOCOL_MAXIMUM = 268_435_455 + 5;

    public DecoderOptions {
        if (maxPacketSize < 2) {
            throw new IllegalArgumentException("maxPacketSize must be at least 2 but was " + maxPacketSize);
        }
    }

    /** Strict, protocol maximum size, version learned from the CONNECT: what a broker uses. */
    public static DecoderOptions server() {
        return new DecoderOptions(false, PROTOCOL_MAXIMUM, null);
    }

    /** Strict, protocol maximum size, for a client that connected with {@code version}. */
    public static DecoderOptions client(ProtocolVersion version) {
        return new DecoderOptions(false, PROTOCOL_MAXIMUM, version);
    }

    public DecoderOptions asLenient() {
        return new DecoderOptions(true, maxPacketSize, version);
    }

    public DecoderOptions withMaxPacketSize(int max) {
        return new DecoderOptions(lenient, max, version);
    }
}
