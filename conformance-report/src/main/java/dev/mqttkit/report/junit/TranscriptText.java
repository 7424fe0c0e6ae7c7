package dev.mqttkit.report.junit;

import dev.mqttkit.contract.TranscriptEvent;
import dev.mqttkit.report.html.Format;

import java.util.List;
import java.util.Locale;

/**
 * A wire transcript as plain text, one step a line, for places without HTML (a CI test reporter's failure body):
 * {@code +2.500 ms  c1  ← received  CONNACK (0, 0)  [20 02 00 00]  ✗ failed here}.
 */
final class TranscriptText {

    /** Longer hex is cut (16 bytes a line): the HTML page has it all, a CI log does not need a 64 KiB payload. */
    private static final int MAX_HEX_LINES = 4;

    private TranscriptText() {
    }

    static String render(List<TranscriptEvent> events) {
        long origin = events.stream().mapToLong(TranscriptEvent::tMicros).min().orElse(0);
        int connWidth = events.stream().mapToInt(e -> e.conn() == null ? 0 : e.conn().length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (TranscriptEvent e : events) {
            String conn = e.conn() == null ? "" : e.conn();
            text.append(String.format(Locale.ROOT, "%12s  %-" + Math.max(1, connWidth) + "s  %-10s  %s",
                    Format.offset(e.tMicros() - origin), conn, Format.dirLabel(e.dir()), e.summary()));
            if (!e.hex().isBlank()) {
                text.append("  [").append(hex(e.hex())).append(']');
            }
            if (e.failed()) {
                text.append("  \u2717 failed here");
            }
            text.append('\n');
            for (String v : e.violations()) {
                text.append("              breaks ").append(v).append('\n');
            }
        }
        return text.toString();
    }

    private static String hex(String hex) {
        List<String> lines = Format.hexLines(hex);
        if (lines.size() <= MAX_HEX_LINES) {
            return String.join(" ", lines);
        }
        return String.join(" ", lines.subList(0, MAX_HEX_LINES)) + " \u2026 (" + Format.byteCount(hex) + " bytes)";
    }
}
