package dev.mqttkit.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 as MQTT 3.1.1 section 1.5.3 wants it: well-formed per RFC 3629 (no overlong forms, no surrogate code points
 * U+D800..U+DFFF, nothing above U+10FFFF) [MQTT-1.5.3-1] and without U+0000 [MQTT-1.5.3-2]. The BOM sequence
 * EF BB BF is an ordinary character [MQTT-1.5.3-3]. Written by hand rather than through {@code CharsetDecoder} to
 * report the exact byte offset and to keep the all-ASCII case a single pass.
 */
final class Utf8 {
    private Utf8() {
    }

    static String decode(byte[] b, int from, int len, PacketReader reader, int packetOffset, String field) {
        int end = from + len;
        int i = from;
        while (i < end && b[i] > 0) {
            i++;
        }
        if (i == end) {
            return new String(b, from, len, StandardCharsets.ISO_8859_1);
        }
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                if (c == 0) {
                    reader.violation(Rule.UTF8_NULL_CHARACTER, packetOffset + (i - from),
                            field + " contains U+0000");
                }
                i++;
                continue;
            }
            int n = sequenceLength(b, i, end);
            if (n < 0) {
                reader.violation(Rule.UTF8_ILL_FORMED, packetOffset + (i - from),
                        field + " is not well-formed UTF-8 (byte 0x" + Integer.toHexString(c) + ")");
                i++;
            } else {
                i += n;
            }
        }
        return new String(b, from, len, StandardCharsets.UTF_8);
    }

    /** The length of the well-formed sequence starting at {@code i}, or -1. */
    private static int sequenceLength(byte[] b, int i, int end) {
        int c = b[i] & 0xFF;
        if (c >= 0xC2 && c <= 0xDF) {
            return i + 1 < end && cont(b[i + 1]) ? 2 : -1;
        }
        if (c >= 0xE0 && c <= 0xEF) {
            if (i + 2 >= end) {
                return -1;
            }
            int c1 = b[i + 1] & 0xFF;
            boolean ok = c == 0xE0 ? c1 >= 0xA0 && c1 <= 0xBF      // no overlong forms
                    : c == 0xED ? c1 >= 0x80 && c1 <= 0x9F          // no surrogates
                    : cont(b[i + 1]);
            return ok && cont(b[i + 2]) ? 3 : -1;
        }
        if (c >= 0xF0 && c <= 0xF4) {
            if (i + 3 >= end) {
                return -1;
            }
            int c1 = b[i + 1] & 0xFF;
            boolean ok = c == 0xF0 ? c1 >= 0x90 && c1 <= 0xBF
                    : c == 0xF4 ? c1 >= 0x80 && c1 <= 0x8F             // nothing above U+10FFFF
                    : cont(b[i + 1]);
            return ok && cont(b[i + 2]) && cont(b[i + 3]) ? 4 : -1;
        }
        return -1;
    }

    private static boolean cont(byte x) {
        return (x & 0xC0) == 0x80;
    }

    /**
     * The number of UTF-8 bytes {@code s} encodes to, or a negative value naming the first problem: -1 for an unpaired
     * surrogate, -2 for U+0000 (only a problem where {@code allowNull} is false).
     */
    static int encodedLength(String s, boolean allowNull) {
        int n = 0;
        for (int i = 0, len = s.length(); i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == 0 && !allowNull) {
                    return -2;
                }
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= len || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return -1;
                }
                n += 4;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return -1;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Writes {@code s} (already checked by {@link #encodedLength}) as UTF-8. */
    static void write(String s, ByteBuffer out) {
        for (int i = 0, len = s.length(); i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.put((byte) c);
            } else if (c < 0x800) {
                out.put((byte) (0xC0 | (c >> 6)));
                out.put((byte) (0x80 | (c & 0x3F)));
            } else if (Character.isHighSurrogate(c)) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out.put((byte) (0xF0 | (cp >> 18)));
                out.put((byte) (0x80 | ((cp >> 12) & 0x3F)));
                out.put((byte) (0x80 | ((cp >> 6) & 0x3F)));
                out.put((byte) (0x80 | (cp & 0x3F)));
            } else {
                out.put((byte) (0xE0 | (c >> 12)));
                out.put((byte) (0x80 | ((c >> 6) & 0x3F)));
                out.put((byte) (0x80 | (c & 0x3F)));
            }
        }
    }
}
