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
import java.util.LinkedHashSet;
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
    /** Ids of the 3.1 differences start with this; 3.1.1 ids with {@code MQTT-}. */
    public static final String V31_PREFIX = "MQTTv3.1-";

    private final Map<String, List<Statement>> byVersion;
    private final Map<String, Statement> byId;
    /** 3.1.1 statement id to the 3.1 differences that replace or weaken it in a 3.1 run. */
    private final Map<String, List<String>> supersededIn31;

    private Catalogue(List<Statement> statements) {
        Map<String, List<Statement>> versions = new LinkedHashMap<>();
        Map<String, Statement> ids = new LinkedHashMap<>();
        for (Statement s : statements) {
            versions.computeIfAbsent(s.version(), v -> new ArrayList<>()).add(s);
            ids.putIfAbsent(s.id(), s);
        }
        versions.replaceAll((v, list) -> List.copyOf(list));
        Map<String, List<String>> superseded = new LinkedHashMap<>();
        for (Statement d : versions.getOrDefault(V31, List.of())) {
            d.differsFrom().forEach(id -> superseded.computeIfAbsent(id, k -> new ArrayList<>()).add(d.id()));
        }
        this.byVersion = Collections.unmodifiableMap(versions);
        this.byId = Collections.unmodifiableMap(ids);
        this.supersededIn31 = Collections.unmodifiableMap(superseded);
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

    /**
     * The statements a test that declares {@code declared} checks in a run of {@code version}. In 3.1.1: its 3.1.1
     * statements. In 3.1: its 3.1 differences, and each declared 3.1.1 statement unless a 3.1 difference lists it in
     * {@code differsFrom}, in which case that difference takes its place: 3.1 governs a 3.1 run, where it is weaker
     * or silent the verdict must not be the 3.1.1 one. Where several differences replace one statement, the weakest
     * stand in for it; a test that exercises a stronger one declares it itself.
     */
    public List<String> applicable(String version, List<String> declared) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String id : declared) {
            boolean is31 = id.startsWith(V31_PREFIX);
            if (V311.equals(version)) {
                if (!is31) {
                    out.add(id);
                }
            } else if (is31) {
                out.add(id);
            } else {
                out.addAll(weakest(supersededIn31.getOrDefault(id, List.of(id))));
            }
        }
        return List.copyOf(out);
    }

    private List<String> weakest(List<String> ids) {
        Level weakest = Level.MUST;
        for (String id : ids) {
            Level l = find(id).map(Statement::level).orElse(Level.MUST);
            weakest = l.ordinal() > weakest.ordinal() ? l : weakest;
        }
        Level chosen = weakest;
        return ids.stream().filter(id -> find(id).map(Statement::level).orElse(Level.MUST) == chosen).toList();
    }

    /** The strongest level of the statements; an id the catalogue does not know counts as MUST, the serious case. */
    public Level strongestLevel(List<String> ids) {
        Level strongest = null;
        for (String id : ids) {
            strongest = Level.strongest(strongest, find(id).map(Statement::level).orElse(Level.MUST));
        }
        return strongest == null ? Level.MUST : strongest;
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
                    differsFrom, n.path("observableOnClient").asBoolean(false),
                    text(n, "notObservableOnClientReason")));
        }
        return result;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
