package dev.mqttkit.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mqttkit.codec.fixtures.PacketVector;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Remaining Length at each boundary of its variable-length encoding (MQTT 3.1.1 section 2.2.3): the encodings are
 * written out by hand here, and the packets around them are generated, since a 2 MiB vector file would help nobody.
 */
class RemainingLengthTests {
    private static final ProtocolVersion V311 = ProtocolVersion.MQTT_3_1_1;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0,         00",
        "127,       7f",
        "128,       80 01",
        "16383,     ff 7f",
        "16384,     80 80 01",
        "2097151,   ff ff 7f",
        "2097152,   80 80 80 01",
        "268435455, ff ff ff 7f"
    })
    void writesTheMinimalEncodingAtEachBoundary(int value, String hex) {
        ByteBuffer out = ByteBuffer.allocate(4);

        MqttEncoder.writeRemainingLength(value, out);

        assertThat(Hex.format(out.array(), 0, out.position())).isEqualTo(hex);
        assertThat(MqttEncoder.lengthFieldSize(value)).isEqualTo(out.position());
    }

    @Test
    void refusesLengthsFourBytesCannotCarry() {
        ByteBuffer out = ByteBuffer.allocate(8);
        assertThatThrownBy(() -> MqttEncoder.writeRemainingLength(268_435_456, out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MqttEncoder.writeRemainingLength(-1, out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(out.position()).isZero();
    }

    @ParameterizedTest(name = "stored vector with Remaining Length {1}")
    @CsvSource({
        "'PINGREQ (remaining length 0)',                     c0 00",
        "'remaining length 127 (largest one-byte length)',   30 7f",
        "'remaining length 128 (smallest two-byte length)',  30 80 01"
    })
    void smallBoundariesAreStoredVectors(String name, String header) {
        PacketVector v = PacketVector.all().stream()
                .filter(x -> x.version() == V311 && x.name().equals(name)).findFirst().orElseThrow();

        assertThat(v.hex() + " ").startsWith(header + " ");
    }

    /**
     * A QoS 0 PUBLISH to topic "a" whose Remaining Length is {@code remaining}, built byte by byte without the encoder.
     */
    static byte[] publishWithRemainingLength(int remaining, String lengthHex) {
        byte[] length = Hex.parse(lengthHex);
        byte[] wire = new byte[1 + length.length + remaining];
        wire[0] = 0x30;
        System.arraycopy(length, 0, wire, 1, length.length);
        int at = 1 + length.length;
        wire[at] = 0x00;
        wire[at + 1] = 0x01;
        wire[at + 2] = 'a';
        for (int i = at + 3; i < wire.length; i++) {
            wire[i] = (byte) (i * 31 + 7);
        }
        return wire;
    }

    private static Publish publishOf(byte[] wire, int headerLength) {
        return Publish.qos0("a", Payload.copyOf(wire, headerLength + 3, wire.length - headerLength - 3));
    }

    @ParameterizedTest(name = "Remaining Length {0}")
    @CsvSource({
        "16383,   ff 7f",
        "16384,   80 80 01",
        "2097151, ff ff 7f",
        "2097152, 80 80 80 01"
    })
    void generatedPublishAtTheBoundaryEncodesAndDecodesExactly(int remaining, String lengthHex) {
        byte[] wire = publishWithRemainingLength(remaining, lengthHex);
        int header = 1 + Hex.parse(lengthHex).length;
        Publish packet = publishOf(wire, header);

        assertThat(MqttEncoder.of(V311).encode(packet)).isEqualTo(wire);
        DecodeResult whole = new MqttDecoder(DecoderOptions.client(V311)).next(ByteBuffer.wrap(wire));
        assertThat(whole).isEqualTo(new DecodeResult.Decoded(packet, wire.length, java.util.List.of()));

        MqttDecoder chunked = new MqttDecoder(DecoderOptions.client(V311));
        DecodeResult last = null;
        for (int from = 0; from < wire.length; from += 4093) {
            last = chunked.next(ByteBuffer.wrap(wire, from, Math.min(4093, wire.length - from)));
            if (from + 4093 < wire.length) {
                assertThat(last).isInstanceOf(DecodeResult.NeedMoreBytes.class);
            }
        }
        assertThat(last).isEqualTo(whole);
    }

    @Test
    void headerClaimingTheProtocolMaximumAllocatesNothingLikeItsClaim() {
        byte[] start = Hex.parse("30 ff ff ff 7f 00 01 61 de ad be ef");
        MqttDecoder decoder = new MqttDecoder(DecoderOptions.client(V311));
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();

        long before = threads.getThreadAllocatedBytes(thread);
        DecodeResult result = decoder.next(ByteBuffer.wrap(start));
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(result).isInstanceOf(DecodeResult.NeedMoreBytes.class);
        assertThat(allocated).as("bytes allocated for a 256 MiB claim").isLessThan(1 << 20);
        assertThat(decoder.isTerminated()).isFalse();
    }

    /** The whole 256 MiB packet once: half a GiB of heap (the input and the decoded payload). */
    @Test
    void publishAtTheProtocolMaximumDecodesAndEncodesExactly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() >= 1L << 30,
                "needs a heap of at least 1 GiB");
        int remaining = MqttEncoder.MAX_REMAINING_LENGTH;
        byte[] wire = publishWithRemainingLength(remaining, "ff ff ff 7f");
        assertThat(wire.length).isEqualTo(DecoderOptions.PROTOCOL_MAXIMUM);

        DecodeResult result = new MqttDecoder(DecoderOptions.client(V311)).next(ByteBuffer.wrap(wire));

        assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
        Publish decoded = (Publish) ((DecodeResult.Decoded) result).packet();
        assertThat(decoded.topic()).isEqualTo("a");
        assertThat(decoded.payload().size()).isEqualTo(remaining - 3);
        // Encode over the input (zeroed first) rather than into a third 256 MiB array, then re-check every byte.
        Arrays.fill(wire, (byte) 0);
        MqttEncoder.of(V311).encode(decoded, ByteBuffer.wrap(wire));
        assertThat(Hex.format(wire, 0, 8)).isEqualTo("30 ff ff ff 7f 00 01 61");
        int firstWrong = -1;
        for (int i = 8; i < wire.length && firstWrong < 0; i++) {
            if (wire[i] != (byte) (i * 31 + 7)) {
                firstWrong = i;
            }
        }
        assertThat(firstWrong).as("first payload byte that differs").isEqualTo(-1);
    }
}
