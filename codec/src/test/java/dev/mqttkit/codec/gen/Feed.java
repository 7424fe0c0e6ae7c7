package dev.mqttkit.codec.gen;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * How a byte stream reaches a decoder: cut into chunks (all at once, one byte at a time, or a cycle of sizes) and
 * wrapped in one kind of {@link ByteBuffer}. Every buffer but {@link Kind#HEAP} is surrounded by junk bytes outside
 * its window, so a decoder that reads past the limit or ignores the position or array offset gets wrong bytes.
 *
 * @param chunkSizes the sizes cycled through; empty for all at once
 */
public record Feed(Kind kind, List<Integer> chunkSizes) {
    /** Bytes put around a chunk: a reserved packet type and Remaining Length continuations. */
    private static final byte JUNK = (byte) 0xF0;
    private static final int PAD = 7;
    private static final byte[] JUNK_PAD = {JUNK, JUNK, JUNK, JUNK, JUNK, JUNK, JUNK};
    private static final ThreadLocal<ByteBuffer> DIRECT_SCRATCH = new ThreadLocal<>();
    private static final ThreadLocal<ByteBuffer> HEAP_SCRATCH = new ThreadLocal<>();

    public enum Kind {
        /** {@code ByteBuffer.wrap(chunk)}. */
        HEAP,
        /** A heap buffer whose position is not 0 and whose limit is before the end of the array. */
        HEAP_WITH_POSITION,
        /** A slice: position 0 but a non-zero {@code arrayOffset}. */
        HEAP_SLICE,
        /** A direct buffer: no backing array. */
        DIRECT,
        /** A read-only heap buffer: no accessible array either. */
        READ_ONLY
    }

    public static Feed allAtOnce(Kind kind) {
        return new Feed(kind, List.of());
    }

    public static Feed bytewise(Kind kind) {
        return new Feed(kind, List.of(1));
    }

    public static Feed of(Kind kind, Integer... sizes) {
        return new Feed(kind, List.of(sizes));
    }

    public static Gen<Feed> feeds() {
        Gen<List<Integer>> sizes = Generate.frequency(List.of(
                Pair.of(1, Generate.constant(List.<Integer>of())),
                Pair.of(1, Generate.constant(List.of(1))),
                Pair.of(3, lists().of(integers().between(1, 16)).ofSizeBetween(1, 8)),
                Pair.of(2, lists().of(integers().between(1, 3_000)).ofSizeBetween(1, 8))));
        return Generate.enumValues(Kind.class).zip(sizes, Feed::new);
    }

    /** Where {@code stream} is cut: chunk {@code i} is {@code [cuts[i], cuts[i + 1])}. */
    public int[] cuts(int length) {
        if (chunkSizes.isEmpty() || length == 0) {
            return new int[] {0, length};
        }
        int[] cuts = new int[length + 1];
        int n = 0;
        for (int at = 0; at < length; n++) {
            cuts[n] = at;
            at = Math.min(length, at + chunkSizes.get(n % chunkSizes.size()));
        }
        cuts[n] = length;
        return Arrays.copyOf(cuts, n + 1);
    }

    /**
     * A buffer of this feed's kind whose remaining bytes are exactly {@code stream[from, to)}, with junk around them.
     * The memory behind it is reused for the next chunk (as a network layer reuses its buffers), so a packet still
     * pointing into it afterwards would change; {@link Window#scribble} makes sure it does.
     */
    public Window wrap(byte[] stream, int from, int to) {
        int len = to - from;
        if (kind == Kind.DIRECT) {
            ByteBuffer d = scratch(DIRECT_SCRATCH, len + 2 * PAD, true);
            d.put(JUNK_PAD).put(stream, from, len).put(JUNK_PAD);
            return new Window(d.position(PAD).limit(PAD + len), PAD + len);
        }
        ByteBuffer h = scratch(HEAP_SCRATCH, len + 2 * PAD, false);
        int start = kind == Kind.HEAP ? 0 : PAD;
        h.put(JUNK_PAD, 0, start).put(stream, from, len).put(JUNK_PAD);
        ByteBuffer w = ByteBuffer.wrap(h.array(), start, len);
        ByteBuffer b = switch (kind) {
            case HEAP, HEAP_WITH_POSITION -> w;
            case HEAP_SLICE -> w.slice();
            case READ_ONLY -> w.asReadOnlyBuffer();
            case DIRECT -> throw new AssertionError();
        };
        return new Window(b, h.array(), start + len);
    }

    /** The buffer handed to the decoder, and the memory behind it. */
    public static final class Window {
        private final ByteBuffer buffer;
        private final Object memory;
        private final int extent;

        Window(ByteBuffer buffer, Object memory, int extent) {
            this.buffer = buffer;
            this.memory = memory;
            this.extent = extent;
        }

        Window(ByteBuffer direct, int extent) {
            this(direct, direct, extent);
        }

        public ByteBuffer buffer() {
            return buffer;
        }

        /** Overwrites the chunk and the padding after it with junk. */
        public void scribble() {
            int n = extent + PAD;
            if (memory instanceof byte[] a) {
                Arrays.fill(a, 0, n, JUNK);
            } else {
                ByteBuffer d = ((ByteBuffer) memory).duplicate();
                d.clear();
                for (int i = 0; i < n; i++) {
                    d.put(i, JUNK);
                }
            }
        }
    }

    private static ByteBuffer scratch(ThreadLocal<ByteBuffer> holder, int size, boolean direct) {
        ByteBuffer b = holder.get();
        if (b == null || b.capacity() < size) {
            int cap = Math.max(size, b == null ? 4096 : 2 * b.capacity());
            b = direct ? ByteBuffer.allocateDirect(cap) : ByteBuffer.allocate(cap);
            holder.set(b);
        }
        b.clear();
        return b;
    }
}
