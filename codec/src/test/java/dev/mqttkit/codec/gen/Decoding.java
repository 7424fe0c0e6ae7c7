package dev.mqttkit.codec.gen;

import dev.mqttkit.codec.DecodeResult;
import dev.mqttkit.codec.DecoderOptions;
import dev.mqttkit.codec.MqttDecoder;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Feeds a byte stream to a decoder the way a connection does, and checks the decoder's contract on every call: only
 * the three result types; {@code NeedMoreBytes} only when every byte given was consumed; a {@code Decoded} consumes
 * exactly its length; {@code Malformed} is terminal. Any other exception from the decoder propagates. Input buffers
 * are overwritten after use, so a packet that still points into them shows up as a wrong packet.
 */
public final class Decoding {
    private Decoding() {
    }

    /**
     * What came out of one stream.
     *
     * @param decoded  the packets, in order
     * @param versions the version the decoder was reading by when each packet was complete
     * @param failure  the violation that ended decoding, or null
     * @param pending  whether the stream ended inside a packet (bytes received, packet not complete)
     */
    public record Outcome(List<DecodeResult.Decoded> decoded, List<ProtocolVersion> versions,
                          DecodeResult.Malformed failure, boolean pending) {
        public List<Packet> packets() {
            return decoded.stream().map(DecodeResult.Decoded::packet).toList();
        }

        public boolean clean() {
            return failure == null && !pending;
        }
    }

    public static Outcome decode(DecoderOptions options, byte[] stream, Feed feed) {
        return decode(new MqttDecoder(options), stream, feed);
    }

    public static Outcome decode(MqttDecoder decoder, byte[] stream, Feed feed) {
        List<DecodeResult.Decoded> decoded = new ArrayList<>();
        List<ProtocolVersion> versions = new ArrayList<>();
        boolean pending = false;
        int[] cuts = feed.cuts(stream.length);
        for (int c = 0; c + 1 < cuts.length; c++) {
            Feed.Window window = feed.wrap(stream, cuts[c], cuts[c + 1]);
            ByteBuffer in = window.buffer();
            int limit = in.limit();
            while (in.hasRemaining()) {
                int before = in.position();
                DecodeResult r = decoder.next(in);
                check(in.limit() == limit && in.position() >= before, "the decoder moved the buffer's limit or "
                        + "position backwards: " + before + " -> " + in.position() + ", limit " + in.limit());
                if (r instanceof DecodeResult.Malformed m) {
                    check(decoder.isTerminated(), "Malformed returned, but the decoder is not terminated");
                    check(decoder.next(ByteBuffer.wrap(new byte[] {(byte) 0xC0, 0})) == m,
                            "after Malformed the decoder returned something else");
                    window.scribble();
                    return new Outcome(decoded, versions, m, false);
                } else if (r instanceof DecodeResult.Decoded d) {
                    check(d.length() >= 2, "a packet is at least two bytes, but length was " + d.length());
                    decoded.add(d);
                    versions.add(decoder.version());
                    pending = false;
                } else if (r instanceof DecodeResult.NeedMoreBytes) {
                    check(!in.hasRemaining(), "NeedMoreBytes returned with " + in.remaining() + " bytes unread");
                    pending = true;
                } else {
                    throw new AssertionError("unexpected result type " + r);
                }
            }
            window.scribble();
        }
        return new Outcome(decoded, versions, null, pending);
    }

    /** One packet and the bytes it was decoded from. */
    public record Frame(byte[] bytes, Packet packet, ProtocolVersion version) {
    }

    /**
     * Decodes {@code stream} from one heap buffer and returns, for each packet, the bytes it was decoded from (by
     * buffer position), checking they are as many as the packet's length says.
     */
    public static List<Frame> frames(DecoderOptions options, byte[] stream) {
        MqttDecoder decoder = new MqttDecoder(options);
        ByteBuffer in = ByteBuffer.wrap(stream);
        List<Frame> frames = new ArrayList<>();
        while (in.hasRemaining()) {
            int before = in.position();
            if (!(decoder.next(in) instanceof DecodeResult.Decoded d)) {
                break;
            }
            check(in.position() - before == d.length(),
                    "packet length " + d.length() + " but " + (in.position() - before) + " bytes consumed");
            frames.add(new Frame(Arrays.copyOfRange(stream, before, in.position()), d.packet(), decoder.version()));
        }
        return frames;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
