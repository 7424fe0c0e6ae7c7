package dev.mqttkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * The broker stopped answering during the run ({@link EntryKey#CASCADE}): reported once, with the test after which it
 * happened, instead of as a failure of every statement the later tests never reached.
 *
 * @param culprit  the key of the test after which the broker stopped answering, as far as the suite can tell
 * @param evidence what the liveness check saw, e.g. "4 of 4 new connections got no CONNACK within 3000 ms"
 * @param partial  whether the broker still answered some new connections (some client ids, say)
 */
public record Cascade(String culprit, String evidence, boolean partial) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("culprit", culprit);
        o.put("evidence", evidence);
        o.put("partial", partial);
        return o.toString();
    }

    /** A published value; empty when it is not usable. */
    public static Optional<Cascade> parse(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(json);
            String culprit = Json.text(n, "culprit");
            return culprit == null ? Optional.empty()
                    : Optional.of(new Cascade(culprit, Json.text(n, "evidence"), n.path("partial").asBoolean()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
