package dev.mqttkit.report.html;

import dev.mqttkit.contract.TranscriptEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Text formats shared by the pages, kept out of the templates so that they stay markup. */
public final class Format {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int HEX_BYTES_PER_LINE = 16;

    private Format() {
    }

    public static String date(Instant instant) {
        return instant == null ? "\u2014" : DATE.format(instant);
    }

    public static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        Duration d = Duration.ofMillis(millis);
        if (d.toMinutes() == 0) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return d.toHours() > 0
                ? String.format(Locale.ROOT, "%d h %d min", d.toHours(), d.toMinutesPart())
                : String.format(Locale.ROOT, "%d min %d s", d.toMinutes(), d.toSecondsPart());
    }

    /** A time offset in microseconds as milliseconds, e.g. {@code +12.345 ms}. */
    public static String offset(long micros) {
        return String.format(Locale.ROOT, "+%d.%03d ms", micros / 1000, Math.abs(micros % 1000));
    }

    /** Hex split into lines of 16 bytes, whatever spacing the suite used. */
    public static List<String> hexLines(String hex) {
        List<String> bytes = hexBytes(hex);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < bytes.size(); i += HEX_BYTES_PER_LINE) {
            lines.add(String.join(" ", bytes.subList(i, Math.min(bytes.size(), i + HEX_BYTES_PER_LINE))));
        }
        return lines;
    }

    public static int byteCount(String hex) {
        return hexBytes(hex).size();
    }

    private static List<String> hexBytes(String hex) {
        List<String> bytes = new ArrayList<>();
        if (hex == null) {
            return bytes;
        }
        String compact = hex.replaceAll("\\s+", "");
        boolean spaced = !compact.equals(hex.strip());
        if (spaced) {
            for (String token : hex.strip().split("\\s+")) {
                bytes.add(token);
            }
        } else {
            for (int i = 0; i < compact.length(); i += 2) {
                bytes.add(compact.substring(i, Math.min(compact.length(), i + 2)));
            }
        }
        return bytes;
    }

    public static String dirLabel(TranscriptEvent.Direction dir) {
        return switch (dir) {
            case OUT -> "\u2192 sent";
            case IN -> "\u2190 received";
            case EVENT -> "\u2022 event";
        };
    }

    public static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
