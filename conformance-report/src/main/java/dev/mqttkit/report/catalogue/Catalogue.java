package dev.mqttkit.report.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mqttkit.report.model.Level;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statement catalogue, read from the classpath where the suite puts it. The report must still be written when the
 * catalogue is missing or unreadable, so loading never fails: it reports the problem and yields an empty catalogue,
 * and statements then appear with the ids the tests published only.
 */
public final class Catalogue {

    public static final String V311 = "3.1.1";
    public static final String V31 = "3.1";
    /** Prefix of the group key of a 3.1.1 statement listed among the statements of another version. */
    public static final String SHARED_GROUP = "3.1.1:";
    static final String STATEMENTS_311 = "/fixtures/spec/mqtt-3.1.1-statements.json";
    static final String DIFFERENCES_31 = "/fixtures/spec/mqtt-3.1-differences.json";

    private static final Map<String, String> CHAPTERS_311 = Map.of(
            "1", "Introduction",
            "2", "MQTT Control Packet format",
            "3", "MQTT Control Packets",
            "4", "Operational behavior",
            "5", "Security",
            "6", "Using WebSocket as a network transport",
            "7", "Conformance");
    private static final Map<String, String> CHAPTERS_31 = Map.of(
            "2", "Message format",
            "3", "Command messages",
            "4", "Flows",
            "A", "Topic wildcards");

    private final Map<String, List<Statement>> byVersion;
    private final Map<String, Statement> byId;

    Catalogue(List<Statement> statements) {
        Map<String, List<Statement>> versions = new LinkedHashMap<>();
        Map<String, Statement> ids = new LinkedHashMap<>();
        for (Statement s : statements) {
            versions.computeIfAbsent(s.version(), v -> new ArrayList<>()).add(s);
            ids.putIfAbsent(s.id(), s);
        }
        versions.replaceAll((v, list) -> List.copyOf(list));
        this.byVersion = Collections.unmodifiableMap(versions);
        this.byId = Collections.unmodifiableMap(ids);
    }

    public static Catalogue empty() {
        return new Catalogue(List.of());
    }

    /** Loads both files from the classpath; missing or broken files are reported to {@code warnings} and skipped. */
    public static Catalogue fromClasspath(PrintStream warnings) {
        List<Statement> all = new ArrayList<>();
        all.addAll(load(STATEMENTS_311, V311, warnings));
        all.addAll(load(DIFFERENCES_31, V31, warnings));
        return new Catalogue(all);
    }

    private static List<Statement> load(String resource, String version, PrintStream warnings) {
        try (InputStream in = open(resource)) {
            if (in == null) {
                warnings.println("mqttkit report: statement catalogue " + resource
                        + " is not on the classpath; statements are listed without paraphrases");
                return List.of();
            }
            return parse(new ObjectMapper().readTree(in), version);
        } catch (IOException | RuntimeException e) {
            warnings.println("mqttkit report: cannot read statement catalogue " + resource + ": " + e);
            return List.of();
        }
    }

    /** The suite's class loader first (IDEs and some launchers separate it from ours), then our own. */
    private static InputStream open(String resource) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        InputStream in = context == null ? null : context.getResourceAsStream(resource.substring(1));
        return in != null ? in : Catalogue.class.getResourceAsStream(resource);
    }

    static List<Statement> parse(JsonNode array, String version) {
        List<Statement> result = new ArrayList<>();
        for (JsonNode n : array) {
            String id = text(n, "id");
            if (id == null) {
                continue;
            }
            String section = text(n, "section");
            String group = text(n, "chapter");
            if (group == null) {
                group = section == null ? "" : section.split("\\.")[0];
            }
            result.add(new Statement(version, id, group, section, text(n, "sectionTitle"),
                    Level.parse(text(n, "level")), text(n, "paraphrase"),
                    !n.has("observable") || n.get("observable").asBoolean(true), text(n, "notObservableReason")));
        }
        return result;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The statements of one version in the order of its specification. */
    public List<Statement> statements(String version) {
        return byVersion.getOrDefault(version, List.of());
    }

    public Optional<Statement> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** Heading for a group of statements: "Chapter 3 — MQTT Control Packets" (3.1.1), "Chapter 4 — Flows" (3.1). */
    public static String groupTitle(String version, String group) {
        if (group == null || group.isEmpty()) {
            return "Not in the catalogue";
        }
        if (V311.equals(version)) {
            String title = CHAPTERS_311.get(group);
            return title == null ? "Chapter " + group : "Chapter " + group + " \u2014 " + title;
        }
        String title = CHAPTERS_31.get(group);
        String heading = "A".equals(group) ? "Appendix A" : "Chapter " + group;
        return title == null ? heading : heading + " \u2014 " + title;
    }
}
