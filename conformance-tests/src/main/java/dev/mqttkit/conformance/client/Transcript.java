package dev.mqttkit.conformance.client;

import dev.mqttkit.codec.Hex;
import dev.mqttkit.contract.TranscriptEvent;
import dev.mqttkit.contract.TranscriptEvent.Direction;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one test exchanged with the broker, on all its connections, in order: the evidence behind a verdict.
 * Thread-safe: each client's reader thread appends what it receives while the test thread appends what it sends.
 */
public final class Transcript {
    private final long startNanos = System.nanoTime();
    private final List<TranscriptEvent> events = new ArrayList<>();

    public void out(String conn, byte[] bytes, String summary) {
        add(conn, Direction.OUT, Hex.format(bytes), summary, List.of(), false);
    }

    public void in(String conn, byte[] bytes, String summary, List<String> violations) {
        add(conn, Direction.IN, Hex.format(bytes), summary, violations, false);
    }

    public void event(String conn, String what) {
        add(conn, Direction.EVENT, "", what, List.of(), false);
    }

    /** Records the step at which the test failed. */
    public void failure(String conn, String what) {
        add(conn, Direction.EVENT, "", what, List.of(), true);
    }

    /** Marks the last entry as the failing step, unless some entry already is. */
    public synchronized void markLastFailed() {
        if (events.isEmpty() || events.stream().anyMatch(TranscriptEvent::failed)) {
            return;
        }
        events.set(events.size() - 1, events.get(events.size() - 1).asFailed());
    }

    private synchronized void add(String conn, Direction dir, String hex, String summary, List<String> violations,
                                  boolean failed) {
        long micros = (System.nanoTime() - startNanos) / 1000;
        events.add(new TranscriptEvent(conn, events.size(), dir, micros, hex, summary, violations, failed));
    }

    public synchronized List<TranscriptEvent> events() {
        return List.copyOf(events);
    }

    /** A human-readable rendering, appended to assertion messages so a failure in a console shows its evidence. */
    public String render() {
        StringBuilder b = new StringBuilder();
        for (TranscriptEvent e : events()) {
            String arrow = switch (e.dir()) {
                case OUT -> "->";
                case IN -> "<-";
                case EVENT -> "**";
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
