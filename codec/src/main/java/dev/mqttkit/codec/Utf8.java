package dev.mqttkit.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

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
            if (isWellFormedSequence(b, i, end)) {
                i += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            } else {
                reader.violation(Rule.UTF8_ILL_FORMED, packetOffset + (i - from),
                        field + " is not well-formed UTF-8 (byte 0x" + Integer.toHexString(c) + ")");
                i++;
            }
        }
        return new String(b, from, len, StandardCharsets.UTF_8);
    }

    /** Whether a well-formed multi-byte sequence starts at {@code i}: two to four bytes, by its lead byte. */
    private static boolean isWellFormedSequence(byte[] b, int i, int end) {
        int c = b[i] & 0xFF;
        if (c >= 0xC2 && c <= 0xDF) {
            return i + 1 < end && cont(b[i + 1]);
        }
        if (c >= 0xE0 && c <= 0xEF) {
            if (i + 2 >= end) {
                return false;
            }
            int c1 = b[i + 1] & 0xFF;
            boolean ok = c == 0xE0 ? c1 >= 0xA0 && c1 <= 0xBF      // no overlong forms
                    : c == 0xED ? c1 >= 0x80 && c1 <= 0x9F          // no surrogates
                    : cont(b[i + 1]);
            return ok && cont(b[i + 2]);
        }
        if (c >= 0xF0 && c <= 0xF4) {
            if (i + 3 >= end) {
                return false;
            }
            int c1 = b[i + 1] & 0xFF;
            boolean ok = c == 0xF0 ? c1 >= 0x90 && c1 <= 0xBF
                    : c == 0xF4 ? c1 >= 0x80 && c1 <= 0x8F             // nothing above U+10FFFF
                    : cont(b[i + 1]);
            return ok && cont(b[i + 2]) && cont(b[i + 3]);
        }
        return false;
    }

    private static boolean cont(byte x) {
        return (x & 0xC0) == 0x80;
    }

    /**
     * The rule {@code s} breaks as a string field, if any, the first in the string: an unpaired surrogate, which has no
     * UTF-8 form [MQTT-1.5.3-1], or U+0000 where {@code allowNull} is false [MQTT-1.5.3-2].
     */
    static Optional<Rule> check(String s, boolean allowNull) {
        for (int i = 0, len = s.length(); i < len; i++) {
            char c = s.charAt(i);
            if (c == 0 && !allowNull) {
                return Optional.of(Rule.UTF8_NULL_CHARACTER);
            }
            if (Character.isSurrogate(c)) {
                if (Character.isLowSurrogate(c) || i + 1 >= len || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return Optional.of(Rule.UTF8_ILL_FORMED);
                }
                i++;
            }
        }
        return Optional.empty();
    }

    /**
     * The number of bytes {@link #write} writes for {@code s}.
     *
     * @throws IllegalArgumentException if {@code s} holds an unpaired surrogate, which has no UTF-8 form at all
     *                                  ({@link #check} names the rule); even a faulty peer cannot be imitated with it,
     *                                  so only {@link RawFrame} writes ill-formed UTF-8
     */
    static int encodedLength(String s) {
        int n = 0;
        for (int i = 0, len = s.length(); i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isSurrogate(c)) {
                if (Character.isLowSurrogate(c) || i + 1 >= len || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new IllegalArgumentException(
                            "string contains an unpaired surrogate: use RawFrame for raw bytes");
                }
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Writes {@code s} (without unpaired surrogates: see {@link #encodedLength}) as UTF-8. */
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
