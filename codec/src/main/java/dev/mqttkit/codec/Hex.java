package dev.mqttkit.codec;

import java.util.HexFormat;

/** Hex in the form fixtures, transcripts and reports use: lower-case byte pairs separated by single spaces. */
public final class Hex {
    private static final HexFormat SPACED = HexFormat.ofDelimiter(" ");
    private static final HexFormat PLAIN = HexFormat.of();

    private Hex() {
    }

    /** {@code 30 0b 00 03 61 2f 62}. */
    public static String format(byte[] bytes) {
        return SPACED.formatHex(bytes);
    }

    public static String format(byte[] bytes, int from, int to) {
        return SPACED.formatHex(bytes, from, to);
    }

    /** Parses hex with any whitespace between (or inside) byte pairs: {@code "30 0b"}, {@code "300b"}, multi-line. */
    public static byte[] parse(String hex) {
        StringBuilder digits = new StringBuilder(hex.length());
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!Character.isWhitespace(c)) {
                digits.append(c);
            }
        }
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits in '" + hex + "'");
        }
        return PLAIN.parseHex(digits);
    }

    /**
     * A classic dump, sixteen bytes a line with offsets and printable ASCII, for humans reading a transcript:
     * <pre>0000  30 0b 00 03 61 2f 62 68  65 6c 6c 6f              |0...a/bhello|</pre>
     */
    public static String dump(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (int line = 0; line < bytes.length; line += 16) {
            b.append(String.format("%04x ", line));
            for (int i = 0; i < 16; i++) {
                if (i == 8) {
                    b.append(' ');
                }
                b.append(line + i < bytes.length ? String.format(" %02x", bytes[line + i] & 0xFF) : "   ");
            }
            b.append("  |");
            for (int i = line; i < Math.min(line + 16, bytes.length); i++) {
                int c = bytes[i] & 0xFF;
                b.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
            }
            b.append("|\n");
        }
        return b.toString();
    }
}
