package dev.mqttkit.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.mqttkit.codec.fixtures.PacketVector;
import dev.mqttkit.codec.gen.Decoding;
import dev.mqttkit.codec.gen.Feed;
import dev.mqttkit.codec.gen.MqttGen;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Will;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link DecoderOptions#sharingInput()}: payloads may view the caller's array, and nothing else changes. The caller
 * keeps its promise here by never writing to a buffer it has handed over (each chunk is a fresh array), except where a
 * test writes on purpose to see whether a payload still points into it.
 */
class SharedInputDecodingTests {

    static Stream<PacketVector> vectors() {
        return PacketVector.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyVectorDecodesToTheSamePacketAsWhenCopying(PacketVector v) {
        DecoderOptions copying = VectorTests.optionsFor(v);
        for (DecoderOptions options : List.of(copying, copying.asLenient())) {
            int[] whole = {0, v.bytes().length};
            List<DecodeResult> shared = decodeFreshChunks(options.sharingInput(), v.bytes(), whole);
            List<DecodeResult> copied = decodeFreshChunks(options, v.bytes(), whole);

            assertThat(shared).hasSize(1).isEqualTo(copied);
            assertThat(((DecodeResult.Decoded) shared.get(0)).packet()).isEqualTo(v.packet());
        }
    }

    @Test
    void anyStreamInAnyChunkingDecodesToTheSameResultsAsWhenCopying() {
        qt().withExamples(300).forAll(MqttGen.versions().flatMap(MqttGen::streams), Feed.feeds())
                .checkAssert((packets, feed) -> {
                    ProtocolVersion v = ((Connect) packets.get(0)).version();
                    byte[] stream = MqttGen.encode(v, packets);
                    Decoding.Outcome copied = Decoding.decode(DecoderOptions.server(), stream, feed);

                    List<DecodeResult> shared = decodeFreshChunks(DecoderOptions.server().sharingInput(), stream,
                            feed.cuts(stream.length));

                    assertThat(shared).isEqualTo(copied.decoded());
                    assertThat(copied.packets()).isEqualTo(packets);
                });
    }

    @Test
    void anyMutatedStreamDecodesLenientlyAndStrictlyAsWhenCopying() {
        qt().withExamples(300).forAll(MqttGen.mutatedStreams(), MqttGen.strictOptions())
                .checkAssert((bytes, strict) -> {
                    for (DecoderOptions options : List.of(strict, strict.asLenient())) {
                        int[] whole = {0, bytes.length};
                        assertThat(decodeFreshChunks(options.sharingInput(), bytes, whole))
                                .isEqualTo(decodeFreshChunks(options, bytes, whole));
                    }
                });
    }

    @Test
    void publishPayloadViewsTheCallersArrayOnlyWhenSharing() {
        byte[] bytes = MqttEncoder.of(ProtocolVersion.MQTT_3_1_1)
                .encode(Publish.of(Qos.AT_LEAST_ONCE, "a/b", 7, Payload.utf8("hello")));

        Publish shared = (Publish) decodeOne(DecoderOptions.client(ProtocolVersion.MQTT_3_1_1).sharingInput(), bytes);
        Publish copied = (Publish) decodeOne(DecoderOptions.client(ProtocolVersion.MQTT_3_1_1), bytes);
        bytes[bytes.length - 1] = '!';

        assertThat(shared.payload().asUtf8()).isEqualTo("hell!");
        assertThat(copied.payload().asUtf8()).isEqualTo("hello");
    }

    @Test
    void willMessageAndPasswordViewTheCallersArrayOnlyWhenSharing() {
        Connect connect = new Connect(ProtocolVersion.MQTT_3_1_1, "c", true, 60,
                new Will("w/t", Payload.utf8("will"), Qos.AT_MOST_ONCE, false), "user", Payload.utf8("pass"));
        byte[] bytes = MqttEncoder.of(ProtocolVersion.MQTT_3_1_1).encode(connect);
        int willAt = indexOf(bytes, "will");

        Connect shared = (Connect) decodeOne(DecoderOptions.server().sharingInput(), bytes);
        Connect copied = (Connect) decodeOne(DecoderOptions.server(), bytes);
        bytes[willAt] = 'W';
        bytes[bytes.length - 1] = 'S';

        assertThat(shared.will().message().asUtf8()).isEqualTo("Will");
        assertThat(shared.password().asUtf8()).isEqualTo("pasS");
        assertThat(copied.will().message().asUtf8()).isEqualTo("will");
        assertThat(copied.password().asUtf8()).isEqualTo("pass");
    }

    @Test
    void packetsSplitAcrossReadsOrInDirectBuffersNeverViewTheCallersMemory() {
        byte[] bytes = MqttEncoder.of(ProtocolVersion.MQTT_3_1_1)
                .encode(Publish.qos0("t", Payload.utf8("payload")));
        MqttDecoder decoder = new MqttDecoder(DecoderOptions.client(ProtocolVersion.MQTT_3_1_1).sharingInput());
        byte[] first = Arrays.copyOfRange(bytes, 0, 5);
        byte[] second = Arrays.copyOfRange(bytes, 5, bytes.length);
        assertThat(decoder.next(ByteBuffer.wrap(first))).isInstanceOf(DecodeResult.NeedMoreBytes.class);
        Publish split = (Publish) ((DecodeResult.Decoded) decoder.next(ByteBuffer.wrap(second))).packet();
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        Publish fromDirect = (Publish) ((DecodeResult.Decoded) decoder.next(direct)).packet();

        Arrays.fill(second, (byte) '?');
        direct.clear();
        while (direct.hasRemaining()) {
            direct.put((byte) '?');
        }

        assertThat(split.payload().asUtf8()).isEqualTo("payload");
        assertThat(fromDirect.payload().asUtf8()).isEqualTo("payload");
    }

    @Test
    void sharingIsOffByDefaultAndKeptByTheOtherOptions() {
        assertThat(DecoderOptions.server().shareInput()).isFalse();
        assertThat(DecoderOptions.client(ProtocolVersion.MQTT_3_1).shareInput()).isFalse();
        DecoderOptions shared = DecoderOptions.server().sharingInput();
        assertThat(shared.asLenient().withMaxPacketSize(100)).isEqualTo(new DecoderOptions(true, 100, null, true));
    }

    /**
     * Feeds {@code stream} cut at {@code cuts} (chunk {@code i} is {@code [cuts[i], cuts[i + 1])}), each chunk in a
     * fresh array that nobody writes to again, at a non-zero offset between junk bytes. Returns every result but
     * NeedMoreBytes.
     */
    private static List<DecodeResult> decodeFreshChunks(DecoderOptions options, byte[] stream, int[] cuts) {
        MqttDecoder decoder = new MqttDecoder(options);
        List<DecodeResult> results = new ArrayList<>();
        for (int c = 0; c + 1 < cuts.length && !decoder.isTerminated(); c++) {
            int len = cuts[c + 1] - cuts[c];
            byte[] fresh = new byte[len + 2];
            Arrays.fill(fresh, (byte) 0xF0);
            System.arraycopy(stream, cuts[c], fresh, 1, len);
            ByteBuffer in = ByteBuffer.wrap(fresh, 1, len);
            while (in.hasRemaining() && !decoder.isTerminated()) {
                DecodeResult r = decoder.next(in);
                if (!(r instanceof DecodeResult.NeedMoreBytes)) {
                    results.add(r);
                }
            }
        }
        return results;
    }

    private static Packet decodeOne(DecoderOptions options, byte[] bytes) {
        DecodeResult r = new MqttDecoder(options).next(ByteBuffer.wrap(bytes));
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) r).packet();
    }

    private static int indexOf(byte[] bytes, String ascii) {
        byte[] needle = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("'" + ascii + "' not in the packet");
    }
}
