package dev.mqttkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * What a property test tells about itself ({@link EntryKey#PROPERTY}): enough to repeat the run and to see the shrunk
 * counterexample.
 *
 * @param seed           the generator seed, for {@code -Dmqtt.property.seed}
 * @param counterexample the smallest failing example, or null when the property held
 */
public record PropertyRun(Long seed, Integer examples, String counterexample) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("seed", seed);
        o.put("examples", examples);
        o.put("counterexample", counterexample);
        return o.toString();
    }

    /** A published value; text that is not JSON is kept whole as the counterexample. Null for null. */
    public static PropertyRun parse(String value) {
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
                        Json.text(n, "counterexample"));
            }
        } catch (IOException | RuntimeException e) {
            // Fall through: keep the text.
        }
        return new PropertyRun(null, null, value);
    }
}
