package dev.mqttkit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mqttkit.report.model.PropertyRun;
import dev.mqttkit.report.model.TargetInfo;
import dev.mqttkit.report.model.TranscriptEvent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Reads the values of the report entries defined in the suite contract. The suite is another module written
 * independently, so nothing here trusts a value: a malformed entry becomes a visible note in the report instead of
 * an exception in the test run.
 */
final class ContractEntries {

    static final String TARGET = "mqttkit.target";
    static final String TARGET_ERROR = "mqttkit.target.error";
    static final String STATEMENTS = "mqttkit.statements";
    static final String VERSION = "mqttkit.version";
    static final String LEVEL = "mqttkit.level";
    static final String VERDICT = "mqttkit.verdict";
    static final String REASON = "mqttkit.reason";
    static final String OBSERVED = "mqttkit.observed";
    static final String TRANSCRIPT = "mqttkit.transcript";
    static final String SCENARIO = "mqttkit.scenario";
    static final String PROPERTY = "mqttkit.property";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractEntries() {
    }

    /** The target named in a {@code mqttkit.target} value; empty when the value is not usable. */
    static Optional<TargetInfo> target(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(json);
            String name = text(n, "name");
            if (name == null || name.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new TargetInfo(name.trim(), text(n, "description"), text(n, "url"),
                    text(n, "image"), text(n, "broker")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Statement ids from one or more {@code mqttkit.statements} values, first occurrence order, no duplicates. */
    static List<String> statements(List<String> values) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String v : values) {
            for (String id : v.trim().split("[\\s,]+")) {
                if (!id.isEmpty()) {
                    ids.add(id);
                }
            }
        }
        return List.copyOf(ids);
    }

    /** Events from all {@code mqttkit.transcript} values, in publication order. */
    static List<TranscriptEvent> transcript(List<String> values) {
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
                events.add(new TranscriptEvent("", events.size(), "event", 0, "",
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
        return new TranscriptEvent(text(e, "conn"), e.path("seq").asLong(0), text(e, "dir"),
                e.path("tMicros").asLong(0), text(e, "hex"), text(e, "summary"), violations,
                failed != null && failed.asBoolean(false));
    }

    /** A {@code mqttkit.property} value; text that is not JSON is kept whole as the counterexample. */
    static PropertyRun property(String value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(value);
            if (n != null && n.isObject()) {
                JsonNode seed = n.get("seed");
                JsonNode examples = n.get("examples");
                return new PropertyRun(seed == null || !seed.canConvertToLong() ? null : seed.asLong(),
                        examples == null || !examples.canConvertToInt() ? null : examples.asInt(),
                        text(n, "counterexample"));
            }
        } catch (IOException | RuntimeException e) {
            // Fall through: keep the text.
        }
        return new PropertyRun(null, null, value);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
