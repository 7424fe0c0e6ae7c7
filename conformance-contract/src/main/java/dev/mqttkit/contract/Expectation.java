package dev.mqttkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * What the user's expectations file says about a test's result ({@link EntryKey#EXPECTED}): a known deviation, so
 * the result does not fail the build, or a deviation that went away and should be removed from the file.
 *
 * @param status {@link Status#EXPECTED} or {@link Status#FIXED}
 * @param reason the reason the file gives for the deviation
 */
public record Expectation(Status status, Verdict expected, String reason) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the result relates to the file. */
    public enum Status {
        /** The result is the one the file lists. */
        EXPECTED,
        /** The file lists a deviation, but the test passed: the line can go. */
        FIXED
    }

    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("status", status.name());
        o.put("expected", expected.name());
        o.put("reason", reason);
        return o.toString();
    }

    /** A published value; empty when it is not usable. */
    public static Optional<Expectation> parse(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(json);
            Status status = Status.valueOf(Json.text(n, "status").toUpperCase(Locale.ROOT));
            Optional<Verdict> expected = Verdict.parse(Json.text(n, "expected"));
            return expected.map(v -> new Expectation(status, v, Json.text(n, "reason")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
