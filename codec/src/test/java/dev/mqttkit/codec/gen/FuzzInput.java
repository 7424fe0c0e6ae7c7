package dev.mqttkit.codec.gen;

import dev.mqttkit.codec.DecoderOptions;
import dev.mqttkit.codec.packet.ProtocolVersion;
import java.util.Arrays;
import java.util.List;

/**
 * How the fuzz tests read the fuzzer's bytes: the first byte picks the decoder's side and the kind of buffer, the
 * second how the rest is cut into chunks, and the rest is the stream. Keeping the stream verbatim (rather than going
 * through a {@code FuzzedDataProvider}) lets a seed be a fixture's bytes behind a two-byte prefix, and lets a crash
 * file be read as hex.
 *
 * @param options strict options for the chosen side
 */
public record FuzzInput(DecoderOptions options, Feed feed, byte[] stream) {
    private static final List<DecoderOptions> SIDES = List.of(DecoderOptions.server(),
            DecoderOptions.client(ProtocolVersion.MQTT_3_1), DecoderOptions.client(ProtocolVersion.MQTT_3_1_1));

    /** Side index for {@link #prefix}: a server, learning the version from the CONNECT. */
    public static final int SERVER = 0;
    public static final int CLIENT_3_1 = 1;
    public static final int CLIENT_3_1_1 = 2;
    /** Chunking for {@link #prefix}: everything in one buffer. */
    public static final int ALL_AT_ONCE = 0;
    /** Chunking for {@link #prefix}: one byte at a time. */
    public static final int BYTEWISE = 1;

    public static FuzzInput parse(byte[] data) {
        if (data.length < 2) {
            return new FuzzInput(SIDES.get(SERVER), Feed.allAtOnce(Feed.Kind.HEAP), data);
        }
        int mode = data[0] & 0xFF;
        int chunking = data[1] & 0xFF;
        DecoderOptions options = SIDES.get((mode & 0x03) % SIDES.size());
        Feed.Kind kind = Feed.Kind.values()[(mode >>> 2) % Feed.Kind.values().length];
        Feed feed = switch (chunking) {
            case ALL_AT_ONCE -> Feed.allAtOnce(kind);
            case BYTEWISE -> Feed.bytewise(kind);
            default -> Feed.of(kind, 1 + (chunking & 0x0F), 1 + (chunking >>> 4) * 5);
        };
        return new FuzzInput(options, feed, Arrays.copyOfRange(data, 2, data.length));
    }

    /** The two bytes that make {@link #parse} choose {@code side} and {@code chunking} with a heap buffer. */
    public static byte[] prefix(int side, int chunking) {
        return new byte[] {(byte) side, (byte) chunking};
    }
}
