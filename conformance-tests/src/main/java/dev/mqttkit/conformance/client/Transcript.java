package dev.mqttkit.conformance.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mqttkit.codec.Hex;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one test exchanged with the broker, on all its connections, in order: the evidence behind a verdict.
 * Thread-safe: each client's reader thread appends what it receives while the test thread appends what it sends.
 */
public final class Transcript {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One recorded step; {@code dir} is {@code out}, {@code in} or {@code event}. */
    public record Entry(String conn, int seq, String dir, long tMicros, String hex, String summary,
                        List<String> violations, boolean failed) {
        Entry asFailed() {
            return new Entry(conn, seq, dir, tMicros, hex, summary, violations, true);
        }
    }

    private final long startNanos = System.nanoTime();
    private final List<Entry> entries = new ArrayList<>();

    public void out(String conn, byte[] bytes, String summary) {
        add(conn, "out", Hex.format(bytes), summary, List.of(), false);
    }

    public void in(String conn, byte[] bytes, String summary, List<String> violations) {
        add(conn, "in", Hex.format(bytes), summary, violations, false);
    }

    public void event(String conn, String what) {
        add(conn, "event", "", what, List.of(), false);
    }

    /** Records the step at which the test failed. */
    public void failure(String conn, String what) {
        add(conn, "event", "", what, List.of(), true);
    }

    /** Marks the last entry as the failing step, unless some entry already is. */
    public synchronized void markLastFailed() {
        if (entries.isEmpty() || entries.stream().anyMatch(Entry::failed)) {
            return;
        }
        entries.set(entries.size() - 1, entries.get(entries.size() - 1).asFailed());
    }

    private synchronized void add(String conn, String dir, String hex, String summary, List<String> violations,
                                  boolean failed) {
        long micros = (System.nanoTime() - startNanos) / 1000;
        entries.add(new Entry(conn, entries.size(), dir, micros, hex, summary, List.copyOf(violations), failed));
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The {@code mqttkit.transcript} report entry. */
    public String toJson() {
        ArrayNode array = JSON.createArrayNode();
        for (Entry e : entries()) {
            ObjectNode o = array.addObject();
            o.put("conn", e.conn());
            o.put("seq", e.seq());
            o.put("dir", e.dir());
            o.put("tMicros", e.tMicros());
            o.put("hex", e.hex());
            o.put("summary", e.summary());
            ArrayNode v = o.putArray("violations");
            e.violations().forEach(v::add);
            o.put("failed", e.failed());
        }
        return array.toString();
    }

    /** A human-readable rendering, appended to assertion messages so a failure in a console shows its evidence. */
    public String render() {
        StringBuilder b = new StringBuilder();
        for (Entry e : entries()) {
            String arrow = switch (e.dir()) {
                case "out" -> "->";
                case "in" -> "<-";
                default -> "**";
            };
            b.append(String.format("%8.3f ms %-4s %s %s%s%n", e.tMicros() / 1000.0, e.conn(), arrow, e.summary(),
                    e.failed() ? "   <== failed here" : ""));
            for (String v : e.violations()) {
                b.append("              violation: ").append(v).append('\n');
            }
        }
        return b.toString();
    }
}
