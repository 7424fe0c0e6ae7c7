package dev.mqttkit.conformance.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.conformance.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The malformed-packet corpus of {@code fixtures/malformed} (shared with the codec's tests), reduced to the cases a
 * server receives: each one a packet a broker must answer by closing the connection.
 */
public final class MalformedCorpus {
    public static final String FOLDER = "/fixtures/malformed";

    /** One case; {@code rule} is the statement (or section) it breaks. */
    public record Case(String file, String name, ProtocolVersion version, String hex, String rule, boolean fatal) {
        public boolean isConnect() {
            return hex.startsWith("1");
        }
    }

    private MalformedCorpus() {
    }

    public static List<Case> serverCases() {
        List<Case> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<String, String> file : Resources.readAll(FOLDER, ".json").entrySet()) {
            try {
                for (JsonNode n : json.readTree(file.getValue())) {
                    if ("server".equals(n.path("receiver").asText())) {
                        out.add(new Case(file.getKey().replace(".json", ""), n.path("name").asText(),
                                ProtocolVersion.fromLabel(n.path("version").asText()), n.path("hex").asText(),
                                n.path("rule").asText(), n.path("fatal").asBoolean()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.getKey(), e);
            }
        }
        return out;
    }
}
