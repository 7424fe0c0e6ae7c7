package dev.mqttkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The broker or client library under test as the suite describes it ({@link EntryKey#TARGET}). Every field but the
 * name may be null.
 *
 * @param name        the report folder of the target, e.g. {@code reference-broker}
 * @param description one line for people, e.g. "embedded reference broker at 127.0.0.1:40123"
 * @param broker      the implementation's own name and version where it could be discovered: the broker's, or for a
 *                    client target the library's as its driver names it
 * @param unsupported protocol versions the target refused when the run began, each with what it did
 * @param kind        whether a broker or a client library is under test; a broker when absent
 */
public record TargetFacts(String name, String description, String url, String image, String broker,
                          Map<String, String> unsupported, Kind kind) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Which side of MQTT the target implements, and so which side's statements its run checks. */
    public enum Kind {
        BROKER("Broker"), CLIENT("Client library");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How a person names it, e.g. {@code Client library}. */
        public String label() {
            return label;
        }

        static Kind parse(String text) {
            return "client".equalsIgnoreCase(text) ? CLIENT : BROKER;
        }
    }

    public TargetFacts {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("target name must not be blank but was '" + name + "'");
        }
        name = name.trim();
        unsupported = unsupported == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(unsupported));
        kind = kind == null ? Kind.BROKER : kind;
    }

    /** A broker target. */
    public TargetFacts(String name, String description, String url, String image, String broker,
                       Map<String, String> unsupported) {
        this(name, description, url, image, broker, unsupported, Kind.BROKER);
    }

    public static TargetFacts named(String name) {
        return new TargetFacts(name, null, null, null, null, Map.of());
    }

    /** Fills the gaps of this description with another one of the same target. */
    public TargetFacts mergedWith(TargetFacts later) {
        return new TargetFacts(name,
                later.description != null ? later.description : description,
                later.url != null ? later.url : url,
                later.image != null ? later.image : image,
                later.broker != null ? later.broker : broker,
                later.unsupported.isEmpty() ? unsupported : later.unsupported,
                later.kind != Kind.BROKER ? later.kind : kind);
    }

    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", name);
        o.put("description", description);
        o.put("url", url);
        o.put("image", image);
        o.put("broker", broker);
        ObjectNode versions = o.putObject("unsupported");
        unsupported.forEach(versions::put);
        if (kind == Kind.CLIENT) {
            o.put("kind", "client");
        }
        return o.toString();
    }

    /** The facts in a published value; empty when the value is not usable (no JSON, no name). */
    public static Optional<TargetFacts> parse(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(json);
            String name = Json.text(n, "name");
            if (name == null || name.isBlank()) {
                return Optional.empty();
            }
            Map<String, String> unsupported = new TreeMap<>();
            n.path("unsupported").properties().forEach(e -> unsupported.put(e.getKey(), e.getValue().asText()));
            return Optional.of(new TargetFacts(name, Json.text(n, "description"), Json.text(n, "url"),
                    Json.text(n, "image"), Json.text(n, "broker"), unsupported, Kind.parse(Json.text(n, "kind"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
