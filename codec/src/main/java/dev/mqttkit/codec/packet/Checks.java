package dev.mqttkit.codec.packet;

import java.util.Objects;

/** Structural checks shared by the packet records: only what no wire encoding could represent. */
final class Checks {
    private Checks() {
    }

    static int packetId(int packetId) {
        if (packetId < 0 || packetId > 0xFFFF) {
            throw new IllegalArgumentException("packetId must be 0..65535 but was " + packetId);
        }
        return packetId;
    }

    static int u16(String name, int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(name + " must be 0..65535 but was " + value);
        }
        return value;
    }

    static int u8(String name, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + " must be 0..255 but was " + value);
        }
        return value;
    }

    static <T> T notNull(String name, T value) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    /** Quotes a topic or identifier for a summary, escaping control characters and the quote itself. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '\\' || c == '\'') {
                b.append(String.format("\\x%02x", (int) c));
            } else if (Character.isSurrogate(c) && !validPairAt(s, i)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('\'').toString();
    }

    private static boolean validPairAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    static int flag(boolean b) {
        return b ? 1 : 0;
    }
}
