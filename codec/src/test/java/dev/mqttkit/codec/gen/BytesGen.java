package dev.mqttkit.codec.gen;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.mqttkit.codec.packet.Payload;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Byte arrays: payloads, arbitrary input, and mutations of valid input.
 *
 * <p>Large arrays are drawn as a size and a seed and filled from a {@link SplittableRandom}: drawing 70,000 bytes one
 * by one through QuickTheories would be slow, and size-plus-seed still shrinks (to shorter arrays, and to seed 0).
 */
public final class BytesGen {
    /** Sizes next to the points where the Remaining Length needs another byte (128, 16,384). */
    private static final List<Integer> BOUNDARY_SIZES = List.of(0, 1, 120, 123, 124, 125, 126, 127, 128, 129,
            16_370, 16_376, 16_378, 16_380, 16_381, 16_382, 16_383, 16_384, 16_385);

    private BytesGen() {
    }

    /** {@code size} bytes drawn from {@code seed}. */
    public static byte[] filled(int size, long seed) {
        byte[] b = new byte[size];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    /** Arrays of {@code min..max} bytes, each byte drawn by QuickTheories (so each one shrinks): for short input. */
    public static Gen<byte[]> shortArrays(int min, int max) {
        return Generate.byteArrays(integers().between(min, max),
                Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
    }

    /** Arrays of {@code min..max} bytes drawn from a seed. */
    public static Gen<byte[]> seededArrays(int min, int max) {
        return integers().between(min, max).zip(longs().all(), BytesGen::filled);
    }

    /** Payloads of 0..~70 KB: mostly short, sometimes at Remaining Length boundaries, sometimes large. */
    public static Gen<Payload> payloads() {
        return Generate.frequency(List.of(
                Pair.of(10, shortArrays(0, 24)),
                Pair.of(3, seededArrays(25, 2_000)),
                Pair.of(1, Generate.pick(BOUNDARY_SIZES).zip(longs().all(), BytesGen::filled)),
                Pair.of(1, seededArrays(60_000, 72_000)))).map(Payload::of);
    }

    /** Payloads a 16-bit length prefix can carry (will message, password): 0..65,535 bytes, mostly short. */
    public static Gen<Payload> shortPayloads() {
        return Generate.frequency(List.of(
                Pair.of(10, shortArrays(0, 24)),
                Pair.of(1, seededArrays(25, 65_535)))).map(Payload::of);
    }

    /** Arbitrary input, without any MQTT structure. */
    public static Gen<byte[]> arbitrary() {
        return Generate.frequency(List.of(
                Pair.of(6, shortArrays(0, 64)),
                Pair.of(2, seededArrays(64, 4_096))));
    }

    /** One edit of a byte array, applied by {@link #mutate}. */
    public record Mutation(Kind kind, int at, int value) {
        public enum Kind { FLIP_BIT, SET_BYTE, INSERT, DELETE, TRUNCATE, HUGE_LENGTH }
    }

    public static Gen<Mutation> mutations() {
        return Generate.enumValues(Mutation.Kind.class).zip(integers().between(0, Integer.MAX_VALUE),
                integers().between(0, 255), Mutation::new);
    }

    /** 1..4 edits. */
    public static Gen<List<Mutation>> mutationLists() {
        return lists().of(mutations()).ofSizeBetween(1, 4);
    }

    /**
     * Applies the edits in order. {@code HUGE_LENGTH} overwrites the byte after {@code at} with a Remaining Length
     * continuation ({@code ff ff ff 7f} claims 268,435,455), the lie a hostile peer tells.
     */
    public static byte[] mutate(byte[] input, List<Mutation> edits) {
        byte[] b = input;
        for (Mutation m : edits) {
            int at = b.length == 0 ? 0 : m.at() % b.length;
            switch (m.kind()) {
                case FLIP_BIT -> {
                    if (b.length > 0) {
                        b = b.clone();
                        b[at] ^= (byte) (1 << (m.value() & 7));
                    }
                }
                case SET_BYTE -> {
                    if (b.length > 0) {
                        b = b.clone();
                        b[at] = (byte) m.value();
                    }
                }
                case INSERT -> {
                    byte[] n = new byte[b.length + 1];
                    System.arraycopy(b, 0, n, 0, at);
                    n[at] = (byte) m.value();
                    System.arraycopy(b, at, n, at + 1, b.length - at);
                    b = n;
                }
                case DELETE -> {
                    if (b.length > 0) {
                        byte[] n = new byte[b.length - 1];
                        System.arraycopy(b, 0, n, 0, at);
                        System.arraycopy(b, at + 1, n, at, b.length - at - 1);
                        b = n;
                    }
                }
                case TRUNCATE -> b = Arrays.copyOf(b, at);
                case HUGE_LENGTH -> {
                    b = b.clone();
                    byte[] huge = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) (m.value() & 0x7f)};
                    for (int i = 0; i < huge.length && at + 1 + i < b.length; i++) {
                        b[at + 1 + i] = huge[i];
                    }
                }
            }
        }
        return b;
    }
}
