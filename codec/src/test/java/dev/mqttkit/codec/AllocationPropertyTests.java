package dev.mqttkit.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.mqttkit.codec.gen.BytesGen;
import dev.mqttkit.codec.gen.MqttGen;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * A peer's Remaining Length is a claim, not a fact: the decoder's memory must grow with the bytes that arrive, never
 * with the length claimed. Measured with the JVM's per-thread allocation counter around a decode that is run twice,
 * so that class loading and first-call linkage in the first run are not counted.
 */
class AllocationPropertyTests {
    /** Fixed overhead allowed per decode: results, violations, a 4 KiB accumulation buffer, small strings. */
    private static final long BASE = 64 * 1024;
    /**
     * Bytes allowed per input byte. Strict decoding copies each byte about twice (body, then payload or string);
     * lenient decoding records a violation with a message for each bad byte of a string or SUBACK, about 300 bytes.
     */
    private static final long STRICT_PER_BYTE = 16;
    private static final long LENIENT_PER_BYTE = 1024;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static Gen<byte[]> inputs() {
        Gen<byte[]> hugeClaims = MqttGen.mutatedStreams().map(b -> BytesGen.mutate(b,
                List.of(new BytesGen.Mutation(BytesGen.Mutation.Kind.HUGE_LENGTH, 0, 0x7f))));
        return Generate.frequency(List.of(Pair.of(1, BytesGen.arbitrary()), Pair.of(1, MqttGen.mutatedStreams()),
                Pair.of(1, hugeClaims)));
    }

    @Test
    void strictDecodingAllocatesInProportionToTheBytesGiven() {
        qt().withExamples(300).forAll(MqttGen.strictOptions(), inputs()).checkAssert((options, bytes) ->
                assertThat(allocatedDecoding(options, bytes))
                        .isLessThanOrEqualTo(BASE + STRICT_PER_BYTE * bytes.length));
    }

    @Test
    void lenientDecodingAllocatesInProportionToTheBytesGiven() {
        qt().withExamples(300).forAll(MqttGen.strictOptions(), inputs()).checkAssert((options, bytes) ->
                assertThat(allocatedDecoding(options.asLenient(), bytes))
                        .isLessThanOrEqualTo(BASE + LENIENT_PER_BYTE * bytes.length));
    }

    @Test
    void aHeaderClaiming200MegabytesFollowedByTenBytesAllocatesFarLessThanAMegabyte() {
        // PUBLISH, Remaining Length 200,000,000 (80 84 af 5f), then the start of a topic and 8 more bytes.
        byte[] liar = Hex.parse("30 80 84 af 5f 00 03 61 2f 62 01 02 03 04 05");
        for (DecoderOptions options : List.of(DecoderOptions.server(), DecoderOptions.server().asLenient())) {
            long allocated = allocatedDecoding(options, liar);
            assertThat(allocated).as("bytes allocated for %s", options).isLessThan(16 * 1024);
        }
    }

    /** Bytes allocated by the second of two identical decodes of {@code bytes} from one heap buffer. */
    static long allocatedDecoding(DecoderOptions options, byte[] bytes) {
        decodeAll(options, bytes);
        long before = THREADS.getCurrentThreadAllocatedBytes();
        decodeAll(options, bytes);
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    private static void decodeAll(DecoderOptions options, byte[] bytes) {
        MqttDecoder decoder = new MqttDecoder(options);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        while (in.hasRemaining() && !(decoder.next(in) instanceof DecodeResult.Malformed)) {
            // every result but Malformed lets decoding go on
        }
    }
}
