package dev.mqttkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MQTT 3.1.1 statements and the MQTT 3.1 differences, read from {@code /fixtures/spec} on the classpath where the
 * suite's jar carries them. The suite computes levels and coverage from it; the report lists every statement of a
 * tested version with it, so untested statements stay visible.
 */
public final class Catalogue {
    public static final String V311 = "3.1.1";
    public static final String V31 = "3.1";
    public static final String STATEMENTS_311 = "/fixtures/spec/mqtt-3.1.1-statements.json";
    public static final String DIFFERENCES_31 = "/fixtures/spec/mqtt-3.1-differences.json";

    private final Map<String, List<Statement>> byVersion;
    private final Map<String, Statement> byId;

    private Catalogue(List<Statement> statements) {
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

    /**
     * Both files from the classpath: the thread's context class loader first (IDEs and some launchers keep the
     * suite's resources there), then this class's own.
     *
     * @throws IllegalStateException when a file is missing or cannot be read
     */
    public static Catalogue load() {
        List<Statement> all = new ArrayList<>();
        all.addAll(read(STATEMENTS_311, V311));
        all.addAll(read(DIFFERENCES_31, V31));
        return new Catalogue(all);
    }

    /** The statements of one version in the order of its specification. */
    public List<Statement> statements(String version) {
        return byVersion.getOrDefault(version, List.of());
    }

    public Optional<Statement> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Statement> all() {
        return byId.values();
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    private static List<Statement> read(String resource, String version) {
        try (InputStream in = open(resource)) {
            if (in == null) {
                throw new IllegalStateException("statement catalogue " + resource + " is not on the classpath");
            }
            return parse(new ObjectMapper().readTree(in), version);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read statement catalogue " + resource, e);
        }
    }

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
            List<String> differsFrom = new ArrayList<>();
            n.path("differsFrom").forEach(d -> differsFrom.add(d.asText()));
            result.add(new Statement(version, id, group, section, text(n, "sectionTitle"), text(n, "level"),
                    Statement.Binds.parse(text(n, "binds")), text(n, "paraphrase"),
                    !n.has("observable") || n.get("observable").asBoolean(true), text(n, "notObservableReason"),
                    differsFrom));
        }
        return result;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
