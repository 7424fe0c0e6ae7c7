package dev.mqttkit.codec.packet;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Immutable application bytes (a PUBLISH payload, a will message, a password). Records compare arrays by reference,
 * so packets hold this instead of {@code byte[]}; equality is by content.
 */
public final class Payload {
    public static final Payload EMPTY = new Payload(new byte[0], 0, 0);

    private final byte[] bytes;
    private final int offset;
    private final int length;
    private int hash;

    private Payload(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
    }

    /** A payload holding a copy of {@code bytes}. */
    public static Payload of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Payload(bytes.clone(), 0, bytes.length);
    }

    /** A payload holding a copy of {@code bytes[offset, offset + length)}. */
    public static Payload copyOf(byte[] bytes, int offset, int length) {
        return length == 0 ? EMPTY : new Payload(Arrays.copyOfRange(bytes, offset, offset + length), 0, length);
    }

    /** The UTF-8 bytes of {@code text}. */
    public static Payload utf8(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A payload over {@code bytes[offset, offset + length)} without copying. The caller hands the array over and must
     * never write to it again; the decoder uses this to give a packet the buffer it assembled the packet in.
     */
    public static Payload adopt(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw new IndexOutOfBoundsException("range [" + offset + ", " + (offset + length) + ") of " + bytes.length);
        }
        return length == 0 ? EMPTY : new Payload(bytes, offset, length);
    }

    public int size() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    public byte byteAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return bytes[offset + index];
    }

    public byte[] toByteArray() {
        return Arrays.copyOfRange(bytes, offset, offset + length);
    }

    /** A read-only view; no copy. */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(bytes, offset, length).slice().asReadOnlyBuffer();
    }

    /** Copies the bytes into {@code target} at {@code targetOffset}. */
    public void copyTo(byte[] target, int targetOffset) {
        System.arraycopy(bytes, offset, target, targetOffset, length);
    }

    /** Puts the bytes into {@code target} at its position, advancing it. */
    public void copyTo(ByteBuffer target) {
        target.put(bytes, offset, length);
    }

    /** The bytes read as UTF-8, with malformed sequences replaced: for display, not validation. */
    public String asUtf8() {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Payload other) || other.length != length) {
            return false;
        }
        return Arrays.equals(bytes, offset, offset + length, other.bytes, other.offset, other.offset + other.length);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0 && length > 0) {
            h = 1;
            for (int i = offset, end = offset + length; i < end; i++) {
                h = 31 * h + bytes[i];
            }
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return "Payload(" + length + " bytes)";
    }
}
