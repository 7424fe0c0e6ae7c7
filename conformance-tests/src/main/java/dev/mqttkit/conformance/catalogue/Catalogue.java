package dev.mqttkit.conformance.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The MQTT 3.1.1 statements and the MQTT 3.1 differences, read from the classpath ({@code /fixtures/spec}). */
public final class Catalogue {
    public static final String STATEMENTS_311 = "/fixtures/spec/mqtt-3.1.1-statements.json";
    public static final String DIFFERENCES_31 = "/fixtures/spec/mqtt-3.1-differences.json";

    private final Map<String, Statement> byId;

    private Catalogue(Map<String, Statement> byId) {
        this.byId = byId;
    }

    public static Catalogue load() {
        Map<String, Statement> all = new LinkedHashMap<>();
        read(STATEMENTS_311, all);
        read(DIFFERENCES_31, all);
        return new Catalogue(all);
    }

    public Optional<Statement> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Statement> all() {
        return byId.values();
    }

    private static void read(String resource, Map<String, Statement> into) {
        try (InputStream in = Catalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            for (JsonNode n : new ObjectMapper().readTree(in)) {
                Statement s = new Statement(n.path("id").asText(), n.path("section").asText(),
                        n.path("level").asText(), n.path("binds").asText(), n.path("paraphrase").asText(),
                        n.path("observable").asBoolean(),
                        n.hasNonNull("notObservableReason") ? n.get("notObservableReason").asText() : null);
                into.put(s.id(), s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
