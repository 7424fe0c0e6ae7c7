package dev.mqttkit.conformance.scenario;

import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Disconnect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.PacketIdOnly;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Pingreq;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Pubcomp;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Subscribe;
import dev.mqttkit.codec.packet.Subscription;
import dev.mqttkit.codec.packet.Unsubscribe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Packets written in a scenario, e.g. {@code PUBLISH q=1 m=$id r=0 'a/b' "hello"}: the type, then {@code key=value}
 * fields, a 'topic' or 'filter' in single quotes and a "payload" in double quotes. Topics are placed under the
 * scenario's own topic root; {@code $name} values are variables, bound by the first {@code expect} that sees them.
 */
final class PacketSyntax {
    private final UnaryOperator<String> topics;
    private final Map<String, Integer> variables = new LinkedHashMap<>();

    PacketSyntax(UnaryOperator<String> topics) {
        this.topics = topics;
    }

    /** The packet to send. */
    Packet packet(List<String> args) {
        String type = args.get(0);
        Fields f = fields(args);
        return switch (type) {
            case "PUBLISH" -> {
                Qos q = Qos.of(f.integer("q", 0));
                yield new Publish(f.integer("d", 0) == 1, q, f.integer("r", 0) == 1, f.topics.get(0),
                        q == Qos.AT_MOST_ONCE ? 0 : f.integer("m", 1), Payload.utf8(f.payload == null ? "" : f.payload));
            }
            case "PUBACK" -> new Puback(f.integer("m", 1));
            case "PUBREC" -> new Pubrec(f.integer("m", 1));
            case "PUBREL" -> new Pubrel(f.integer("m", 1));
            case "PUBCOMP" -> new Pubcomp(f.integer("m", 1));
            case "SUBSCRIBE" -> {
                List<Subscription> subs = new ArrayList<>();
                for (int i = 0; i < f.topics.size(); i++) {
                    subs.add(new Subscription(f.topics.get(i), Qos.of(f.qosAfterTopic.get(i))));
                }
                yield new Subscribe(f.integer("m", 1), subs);
            }
            case "UNSUBSCRIBE" -> new Unsubscribe(f.integer("m", 1), f.topics);
            case "PINGREQ" -> Pingreq.INSTANCE;
            case "DISCONNECT" -> Disconnect.INSTANCE;
            default -> throw new IllegalArgumentException("cannot send " + type);
        };
    }

    /** Why {@code p} does not match the expectation in {@code args}, or null (binding new variables) when it does. */
    String mismatch(List<String> args, Packet p) {
        String type = args.get(0);
        if (!p.type().name().equals(type)) {
            return "expected " + String.join(" ", args) + " but received " + p.summary();
        }
        Map<String, String> actual = attributes(p);
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> bind = new LinkedHashMap<>();
        for (String a : args.subList(1, args.size())) {
            String key;
            String expected;
            if (a.startsWith("'")) {
                key = "topic";
                expected = topics.apply(a.substring(1, a.length() - 1));
            } else if (a.startsWith("\"")) {
                key = "payload";
                expected = a.substring(1, a.length() - 1);
            } else {
                int eq = a.indexOf('=');
                key = a.substring(0, eq);
                expected = a.substring(eq + 1);
            }
            String got = actual.get(key);
            if (got == null) {
                throw new IllegalArgumentException(type + " has no field '" + key + "'");
            }
            if (expected.startsWith("$") && !variables.containsKey(expected)) {
                bind.put(expected, Integer.parseInt(got));
                continue;
            }
            String resolved = expected.startsWith("$") ? String.valueOf(variables.get(expected)) : expected;
            if (!resolved.equals(got)) {
                wrong.add(key + " " + got + " instead of " + resolved);
            }
        }
        if (!wrong.isEmpty()) {
            return "expected " + String.join(" ", args) + " but received " + p.summary() + " (" + String.join(", ", wrong)
                    + ")";
        }
        variables.putAll(bind);
        return null;
    }

    private static Map<String, String> attributes(Packet p) {
        Map<String, String> a = new LinkedHashMap<>();
        if (p instanceof Publish x) {
            a.put("q", String.valueOf(x.qos().value()));
            a.put("m", String.valueOf(x.packetId()));
            a.put("r", x.retain() ? "1" : "0");
            a.put("d", x.dup() ? "1" : "0");
            a.put("topic", x.topic());
            a.put("payload", x.payload().asUtf8());
        } else if (p instanceof PacketIdOnly x) {
            a.put("m", String.valueOf(x.packetId()));
        } else if (p instanceof Suback x) {
            a.put("m", String.valueOf(x.packetId()));
            a.put("codes", x.returnCodes().stream().map(String::valueOf).collect(Collectors.joining(",")));
        } else if (p instanceof Connack x) {
            a.put("sp", x.sessionPresent() ? "1" : "0");
            a.put("rc", String.valueOf(x.returnCode()));
        }
        return a;
    }

    private final class Fields {
        final Map<String, String> values = new LinkedHashMap<>();
        final List<String> topics = new ArrayList<>();
        final List<Integer> qosAfterTopic = new ArrayList<>();
        String payload;

        int integer(String key, int fallback) {
            String v = values.get(key);
            if (v == null) {
                return fallback;
            }
            if (v.startsWith("$")) {
                Integer bound = variables.get(v);
                if (bound == null) {
                    throw new IllegalArgumentException("variable " + v + " is not bound yet");
                }
                return bound;
            }
            return Integer.parseInt(v);
        }
    }

    private Fields fields(List<String> args) {
        Fields f = new Fields();
        for (String a : args.subList(1, args.size())) {
            if (a.startsWith("'")) {
                f.topics.add(topics.apply(a.substring(1, a.length() - 1)));
                f.qosAfterTopic.add(0);
            } else if (a.startsWith("\"")) {
                f.payload = a.substring(1, a.length() - 1);
            } else {
                int eq = a.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("expected key=value but found '" + a + "'");
                }
                String key = a.substring(0, eq);
                if (key.equals("q") && !f.topics.isEmpty() && args.get(0).equals("SUBSCRIBE")) {
                    f.qosAfterTopic.set(f.topics.size() - 1, Integer.parseInt(a.substring(eq + 1)));
                } else {
                    f.values.put(key, a.substring(eq + 1));
                }
            }
        }
        return f;
    }
}
