package dev.mqttkit.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One recorded step on the wire: the evidence behind a verdict. The suite records them and publishes a test's events
 * as one JSON array ({@link EntryKey#TRANSCRIPT}); the report reads them back with {@link #parse}, which trusts
 * nothing: an unreadable value becomes a visible note instead of an exception in the test run.
 *
 * @param conn       the label of the client (or connection) the step belongs to, e.g. {@code sub}
 * @param seq        position in the test's transcript
 * @param tMicros    microseconds since the test's transcript began
 * @param hex        the bytes sent or received, spaced pairs; empty for events
 * @param violations rules the bytes break, for received packets a lenient decoder still read
 * @param failed     whether the test failed at this step
 */
public record TranscriptEvent(String conn, long seq, Direction dir, long tMicros, String hex, String summary,
                              List<String> violations, boolean failed) {

    /** Which way the step went: bytes sent to the peer, bytes received, or something that happened. */
    public enum Direction {
        OUT, IN, EVENT;

        @JsonValue
        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Direction parse(String token) {
            for (Direction d : values()) {
                if (d.token().equals(token)) {
                    return d;
                }
            }
            return EVENT;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public TranscriptEvent {
        violations = violations == null ? List.of() : List.copyOf(violations);
        hex = hex == null ? "" : hex;
        summary = summary == null ? "" : summary;
        dir = dir == null ? Direction.EVENT : dir;
    }

    /** This event marked as the step at which the test failed. */
    public TranscriptEvent asFailed() {
        return new TranscriptEvent(conn, seq, dir, tMicros, hex, summary, violations, true);
    }

    /** The {@link EntryKey#TRANSCRIPT} value of a test's events. */
    public static String toJson(List<TranscriptEvent> events) {
        ArrayNode array = JSON.createArrayNode();
        for (TranscriptEvent e : events) {
            ObjectNode o = array.addObject();
            o.put("conn", e.conn());
            o.put("seq", e.seq());
            o.put("dir", e.dir().token());
            o.put("tMicros", e.tMicros());
            o.put("hex", e.hex());
            o.put("summary", e.summary());
            ArrayNode v = o.putArray("violations");
            e.violations().forEach(v::add);
            o.put("failed", e.failed());
        }
        return array.toString();
    }

    /** Events from all {@link EntryKey#TRANSCRIPT} values of a test, in publication order. */
    public static List<TranscriptEvent> parse(List<String> values) {
        List<TranscriptEvent> events = new ArrayList<>();
        for (String v : values) {
            try {
                JsonNode array = JSON.readTree(v);
                if (array == null || !array.isArray()) {
                    throw new IOException("not a JSON array");
                }
                for (JsonNode e : array) {
                    events.add(event(e));
                }
            } catch (IOException | RuntimeException e) {
                events.add(new TranscriptEvent("", events.size(), Direction.EVENT, 0, "",
                        "unreadable transcript entry (" + e.getMessage() + ")", List.of(), false));
            }
        }
        return events;
    }

    private static TranscriptEvent event(JsonNode e) {
        List<String> violations = new ArrayList<>();
        JsonNode vs = e.get("violations");
        if (vs != null && vs.isArray()) {
            vs.forEach(v -> violations.add(v.asText()));
        }
        JsonNode failed = e.get("failed");
        return new TranscriptEvent(Json.text(e, "conn"), e.path("seq").asLong(0),
                Direction.parse(Json.text(e, "dir")), e.path("tMicros").asLong(0), Json.text(e, "hex"),
                Json.text(e, "summary"), violations, failed != null && failed.asBoolean(false));
    }
}
