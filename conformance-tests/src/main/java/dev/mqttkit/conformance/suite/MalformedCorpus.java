package dev.mqttkit.conformance.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mqttkit.codec.Hex;
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

    /**
     * One case.
     *
     * @param rule     the rule the codec reports for it: a statement id, or a section where the text gives none
     * @param cites    the statements the suite judges the broker's reaction by; the rule unless the case says
     * @param trailing the bytes go on past the packet (the start of the next one)
     * @param fieldPastEnd a field runs past the Remaining Length (the codec reports {@code FIELD_PAST_END}, strictly or
     *                     leniently) and nothing follows
     */
    public record Case(String file, String name, ProtocolVersion version, String hex, String rule, List<String> cites,
                       boolean fatal, boolean trailing, boolean fieldPastEnd) {
        public boolean isConnect() {
            return hex.startsWith("1");
        }

        public boolean isSubscribe() {
            return hex.startsWith("8");
        }

        /**
         * Whether a PINGREQ may follow the packet to show at once that the broker read on. Not after a packet whose
         * field runs past its end: a broker that ignores the Remaining Length would take the PINGREQ's bytes to make
         * up the field, and whether they had arrived yet would decide its reaction (the {@code trailing} cases send
         * such bytes on purpose, in the same write).
         */
        public boolean probe() {
            return whole() && !fieldPastEnd;
        }

        /** Whether the bytes are exactly one packet whose Remaining Length is well-formed and fully sent. */
        public boolean whole() {
            byte[] b = Hex.parse(hex);
            int length = 0;
            for (int i = 1; i < Math.min(b.length, 5); i++) {
                length |= (b[i] & 0x7F) << (7 * (i - 1));
                if ((b[i] & 0x80) == 0) {
                    return !trailing && i + 1 + length == b.length;
                }
            }
            return false;
        }
    }

    private MalformedCorpus() {
    }

    private static boolean pastEnd(JsonNode n) {
        return "FIELD_PAST_END".equals(n.path("ruleName").asText())
                || "FIELD_PAST_END".equals(n.path("lenientRule").asText());
    }

    public static List<Case> serverCases() {
        List<Case> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<String, String> file : Resources.readAll(FOLDER, ".json").entrySet()) {
            try {
                for (JsonNode n : json.readTree(file.getValue())) {
                    if (!"server".equals(n.path("receiver").asText())) {
                        continue;
                    }
                    String rule = n.path("rule").asText();
                    List<String> cites = new ArrayList<>();
                    n.path("cites").forEach(c -> cites.add(c.asText()));
                    out.add(new Case(file.getKey().replace(".json", ""), n.path("name").asText(),
                            ProtocolVersion.fromLabel(n.path("version").asText()), n.path("hex").asText(), rule,
                            cites.isEmpty() ? List.of(rule) : List.copyOf(cites), n.path("fatal").asBoolean(),
                            n.path("trailing").asBoolean(), pastEnd(n) && !n.path("trailing").asBoolean()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.getKey(), e);
            }
        }
        return out;
    }
}
