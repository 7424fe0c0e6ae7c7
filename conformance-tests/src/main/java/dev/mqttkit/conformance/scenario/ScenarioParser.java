package dev.mqttkit.conformance.scenario;

import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Qos;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the scenario format ({@code fixtures/scenarios/README.md}) into typed steps, all of it at once: a script that
 * does not parse is an error of the suite, reported with the script and line, and never reaches a broker.
 */
public final class ScenarioParser {
    private static final Set<String> HEADERS = Set.of("title", "statements", "versions");

    private ScenarioParser() {
    }

    public static Scenario parse(String name, String text) {
        String title = name;
        List<String> statements = new ArrayList<>();
        List<ProtocolVersion> versions = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        Set<String> bound = new HashSet<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int n = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String head = colon > 0 ? line.substring(0, colon).strip() : "";
            if (colon > 0 && head.matches("[a-z]+")) {
                if (!HEADERS.contains(head)) {
                    throw error(name, n, "unknown header '" + head + "' (known: " + HEADERS + "; the level of a"
                            + " scenario comes from its statements in the catalogue)");
                }
                String value = line.substring(colon + 1).strip();
                switch (head) {
                    case "title" -> title = value;
                    case "statements" -> statements.addAll(List.of(value.split("[\\s,]+")));
                    default -> {
                        for (String v : value.split("[\\s,]+")) {
                            try {
                                versions.add(ProtocolVersion.fromLabel(v));
                            } catch (IllegalArgumentException e) {
                                throw error(name, n, "unknown protocol version '" + v + "'");
                            }
                        }
                    }
                }
                continue;
            }
            try {
                steps.add(step(n, line, bound));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw error(name, n, e.getMessage());
            }
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
        return new Scenario(name, title, List.copyOf(statements), List.copyOf(versions), List.copyOf(steps), text);
    }

    /** One step line; {@code bound} collects the variables expected so far, which later sends may use. */
    private static Step step(int n, String line, Set<String> bound) {
        List<String> tokens = new ArrayList<>(tokenize(line));
        List<String> checks = List.of();
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).startsWith("[")) {
            String tag = tokens.remove(tokens.size() - 1);
            checks = List.of(tag.substring(1, tag.length() - 1).strip().split("\\s+"));
        }
        if (tokens.size() < 2) {
            throw new IllegalArgumentException("expected '<client> <verb> ...' but found '" + line + "'");
        }
        String client = tokens.get(0);
        String verb = tokens.get(1);
        List<String> args = tokens.subList(2, tokens.size());
        return switch (verb) {
            case "connect" -> connect(n, client, line, checks, args);
            case "send" -> {
                PacketSpec p = PacketSpec.parse(args, true);
                for (String v : p.variables()) {
                    if (!bound.contains(v)) {
                        throw new IllegalArgumentException("variable " + v + " is sent before an expect binds it");
                    }
                }
                yield new Step.Send(n, client, line, checks, p);
            }
            case "expect" -> {
                PacketSpec p = PacketSpec.parse(args, false);
                bound.addAll(p.variables());
                yield new Step.Expect(n, client, line, checks, p);
            }
            case "expect-nothing" -> new Step.ExpectNothing(n, client, line, none(checks, args));
            case "expect-closed" -> new Step.ExpectClosed(n, client, line, none(checks, args));
            case "disconnect" -> new Step.Disconnect(n, client, line, none(checks, args));
            case "drop" -> new Step.Drop(n, client, line, none(checks, args));
            default -> throw new IllegalArgumentException("unknown verb '" + verb + "' (known: connect, send, expect,"
                    + " expect-nothing, expect-closed, disconnect, drop)");
        };
    }

    private static List<String> none(List<String> checks, List<String> args) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("this verb takes no arguments but found " + args);
        }
        return checks;
    }

    /** {@code connect [clean|persistent] [k=N] [will q=N r=0|1 'topic' "message"] [sp=0|1] [rc=N]}. */
    private static Step connect(int n, String client, String line, List<String> checks, List<String> args) {
        boolean clean = true;
        int keepAlive = 60;
        Integer sessionPresent = null;
        int rc = 0;
        Step.Will will = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("clean") || a.equals("persistent")) {
                clean = a.equals("clean");
            } else if (a.startsWith("k=")) {
                keepAlive = bounded(a, 0, 0xFFFF);
            } else if (a.startsWith("sp=")) {
                sessionPresent = bounded(a, 0, 1);
            } else if (a.startsWith("rc=")) {
                rc = bounded(a, 0, 255);
            } else if (a.equals("will")) {
                int q = 0;
                boolean retain = false;
                String topic = null;
                String message = null;
                while (message == null && ++i < args.size()) {
                    String w = args.get(i);
                    if (w.startsWith("q=")) {
                        q = bounded(w, 0, 2);
                    } else if (w.startsWith("r=")) {
                        retain = bounded(w, 0, 1) == 1;
                    } else if (w.startsWith("'")) {
                        topic = w.substring(1, w.length() - 1);
                    } else if (w.startsWith("\"")) {
                        message = w.substring(1, w.length() - 1);
                    } else {
                        throw new IllegalArgumentException("unexpected '" + w + "' in the will");
                    }
                }
                if (topic == null || message == null) {
                    throw new IllegalArgumentException("a will needs a 'topic' and then a \"message\"");
                }
                will = new Step.Will(topic, message, Qos.of(q), retain);
            } else {
                throw new IllegalArgumentException("unexpected '" + a + "' after connect");
            }
        }
        return new Step.Connect(n, client, line, checks, clean, keepAlive, will, sessionPresent, rc);
    }

    private static int bounded(String keyValue, int min, int max) {
        String value = keyValue.substring(keyValue.indexOf('=') + 1);
        try {
            int v = Integer.parseInt(value);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(keyValue + " is not a number from " + min + " to " + max);
    }

    /** Splits on spaces; 'single' and "double" quoted tokens and [bracketed] tags keep their delimiters. */
    static List<String> tokenize(String line) {
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
            if (c == '\'' || c == '"' || c == '[') {
                int end = line.indexOf(c == '[' ? ']' : c, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated " + c);
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
