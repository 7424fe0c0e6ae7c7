package dev.mqttkit.conformance.scenario;

import dev.mqttkit.codec.packet.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the scenario format ({@code fixtures/scenarios/README.md}); errors name the script and line. */
public final class ScenarioParser {
    static final Set<String> VERBS = Set.of("connect", "send", "expect", "expect-nothing", "expect-closed", "drop",
            "disconnect");

    private ScenarioParser() {
    }

    public static Scenario parse(String name, String text) {
        String title = name;
        String level = "MUST";
        List<String> statements = new ArrayList<>();
        List<ProtocolVersion> versions = new ArrayList<>();
        List<Scenario.Step> steps = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int n = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String head = colon > 0 ? line.substring(0, colon).strip() : "";
            if (colon > 0 && head.matches("title|statements|versions|level")) {
                String value = line.substring(colon + 1).strip();
                switch (head) {
                    case "title" -> title = value;
                    case "level" -> level = value;
                    case "statements" -> statements.addAll(List.of(value.split("[\\s,]+")));
                    default -> {
                        for (String v : value.split("[\\s,]+")) {
                            versions.add(ProtocolVersion.fromLabel(v));
                        }
                    }
                }
                continue;
            }
            List<String> tokens = tokenize(line, name, n);
            if (tokens.size() < 2) {
                throw error(name, n, "expected '<client> <verb> ...' but found '" + line + "'");
            }
            String verb = tokens.get(1);
            if (!VERBS.contains(verb)) {
                throw error(name, n, "unknown verb '" + verb + "' (known: " + VERBS + ")");
            }
            steps.add(new Scenario.Step(n, tokens.get(0), verb, List.copyOf(tokens.subList(2, tokens.size())), line));
        }
        if (statements.isEmpty()) {
            throw error(name, 1, "a scenario must name the statements it checks ('statements: MQTT-...')");
        }
        if (versions.isEmpty()) {
            throw error(name, 1, "a scenario must name its protocol versions ('versions: 3.1 3.1.1')");
        }
        if (steps.isEmpty()) {
            throw error(name, 1, "a scenario needs at least one step");
        }
        if (!level.matches("MUST|SHOULD")) {
            throw error(name, 1, "level must be MUST or SHOULD but was " + level);
        }
        return new Scenario(name, title, List.copyOf(statements), List.copyOf(versions), level, List.copyOf(steps),
                text);
    }

    /** Splits on spaces; 'single' and "double" quoted tokens keep their quotes and may hold spaces. */
    static List<String> tokenize(String line, String name, int n) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '#') {
                break;
            }
            int start = i;
            if (c == '\'' || c == '"') {
                int end = line.indexOf(c, i + 1);
                if (end < 0) {
                    throw error(name, n, "unterminated " + c + " quote");
                }
                i = end + 1;
            } else {
                while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
            }
            out.add(line.substring(start, i));
        }
        return out;
    }

    static IllegalArgumentException error(String name, int line, String message) {
        return new IllegalArgumentException(name + ":" + line + ": " + message);
    }
}
