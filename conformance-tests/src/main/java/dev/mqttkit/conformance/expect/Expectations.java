package dev.mqttkit.conformance.expect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mqttkit.contract.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A broker's known deviations, kept in its own repository like Autobahn|Testsuite's {@code exclude-agent-cases}: a
 * small JSON file listing results by test or by statement, each with the reason, and the broker stopping to answer
 * after a given test. Results it lists do not fail the build; a listed deviation that went away is reported as fixed.
 *
 * <pre>{@code
 * {"target": "mosquitto 2.0.11",
 *  "expected": [
 *    {"test": "ConnectTests#refusesClientIdentifierLongerThan23CharactersIn31 [3.1]", "verdict": "FAIL",
 *     "reason": "accepts 3.1 client ids longer than 23 characters"},
 *    {"statement": "MQTT-2.2.2-2", "version": "3.1.1", "verdict": "FAIL", "reason": "reserved flags unchecked"},
 *    {"cascade": "DupFlagTests#forwardsWithDupZeroWhatArrivedWithDupOne [3.1.1]", "reason": "a worker dies"}]}
 * }</pre>
 */
public final class Expectations {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> FIELDS = Set.of("test", "statement", "version", "cascade", "verdict", "reason");

    /**
     * One known result. Exactly one of {@code test} (a test's key), {@code statement} (any test of it, optionally in
     * one {@code version}) or {@code cascade} (the broker stops answering after that test) is set.
     */
    public record Entry(String test, String statement, String version, String cascade, Verdict verdict,
                        String reason) {
        public static Entry ofTest(String test, Verdict verdict, String reason) {
            return new Entry(test, null, null, null, verdict, reason);
        }

        public static Entry ofCascade(String culprit, String reason) {
            return new Entry(null, null, null, culprit, null, reason);
        }

        /** What the entry is about, for messages: the test, statement or cascade it names. */
        public String subject() {
            return test != null ? test : statement != null ? statement + (version == null ? "" : " [" + version + "]")
                    : "the broker stopping to answer after " + cascade;
        }
    }

    private final String target;
    private final List<Entry> entries;

    public Expectations(String target, List<Entry> entries) {
        this.target = target;
        this.entries = List.copyOf(entries);
    }

    public static Expectations none() {
        return new Expectations(null, List.of());
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * The entry for a test's result: one naming the test (whatever verdict it expects, so a result that differs or
     * went away is seen), else one naming a statement the test checks with the same verdict.
     */
    public Optional<Entry> find(String testKey, List<String> statements, String version, Verdict verdict) {
        for (Entry e : entries) {
            if (testKey.equals(e.test())) {
                return Optional.of(e);
            }
        }
        for (Entry e : entries) {
            if (e.statement() != null && statements.contains(e.statement()) && e.verdict() == verdict
                    && (e.version() == null || e.version().equals(version))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The entry expecting the broker to stop answering after {@code culprit}. */
    public Optional<Entry> cascade(String culprit) {
        return entries.stream().filter(e -> culprit.equals(e.cascade())).findFirst();
    }

    /**
     * Reads a file; every mistake in it is reported with what is wrong, before any test runs.
     *
     * @throws IllegalArgumentException when the file cannot be read or is not a valid expectations file
     */
    public static Expectations read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the expectations file " + file + ": " + e, e);
        }
        if (root == null || !root.path("expected").isArray()) {
            throw new IllegalArgumentException(file + " has no \"expected\" list");
        }
        List<Entry> entries = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root.path("expected")) {
            entries.add(entry(file + ": entry " + (++i), n));
        }
        return new Expectations(text(root, "target"), entries);
    }

    private static Entry entry(String where, JsonNode n) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException(where + ": unknown field '" + f + "' (known: " + FIELDS + ")");
            }
        }
        String test = text(n, "test");
        String statement = text(n, "statement");
        String cascade = text(n, "cascade");
        long subjects = java.util.stream.Stream.of(test, statement, cascade).filter(x -> x != null).count();
        if (subjects != 1) {
            throw new IllegalArgumentException(where + ": names exactly one of \"test\", \"statement\" or \"cascade\"");
        }
        String reason = text(n, "reason");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException(where + ": says why (\"reason\")");
        }
        Verdict verdict = null;
        if (cascade == null) {
            String v = n.hasNonNull("verdict") ? n.get("verdict").asText() : "FAIL";
            verdict = Verdict.parse(v).filter(x -> x != Verdict.PASS)
                    .orElseThrow(() -> new IllegalArgumentException(where + ": verdict '" + v
                            + "' is none of FAIL, WARN, INCONCLUSIVE, NOT_APPLICABLE, NOT_SUPPORTED"));
        }
        return new Entry(test, statement, text(n, "version"), cascade, verdict, reason);
    }

    /** Writes the file, entries in the order given. */
    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        if (target != null) {
            root.put("target", target);
        }
        ArrayNode list = root.putArray("expected");
        for (Entry e : entries) {
            ObjectNode o = list.addObject();
            putIfSet(o, "test", e.test());
            putIfSet(o, "statement", e.statement());
            putIfSet(o, "version", e.version());
            putIfSet(o, "cascade", e.cascade());
            if (e.verdict() != null) {
                o.put("verdict", e.verdict().name());
            }
            o.put("reason", e.reason());
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    private static void putIfSet(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
