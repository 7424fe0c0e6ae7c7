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
 * The broker under test as the suite describes it ({@link EntryKey#TARGET}). Every field but the name may be null.
 *
 * @param name        the report folder of the target, e.g. {@code reference-broker}
 * @param description one line for people, e.g. "embedded reference broker at 127.0.0.1:40123"
 * @param broker      the broker's own name and version where it could be discovered
 * @param unsupported protocol versions the broker refused when the run began, each with what it did
 */
public record TargetFacts(String name, String description, String url, String image, String broker,
                          Map<String, String> unsupported) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public TargetFacts {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("target name must not be blank but was '" + name + "'");
        }
        name = name.trim();
        unsupported = unsupported == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(unsupported));
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
                later.unsupported.isEmpty() ? unsupported : later.unsupported);
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
                    Json.text(n, "image"), Json.text(n, "broker"), unsupported));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
