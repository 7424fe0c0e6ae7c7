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
import dev.mqttkit.conformance.client.PacketMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A packet as a scenario writes it, checked when the script is read: {@code PUBLISH q=1 m=$id r=0 'a/b' "hello"}.
 * The fields each type may carry are fixed, so a typo ({@code PUBAK}, {@code m=x}, {@code codes=} on a PUBACK) is an
 * error in the script with its line, never a verdict about a broker. A spec turns into the packet to send, or into a
 * {@link PacketMatcher} for what to expect; {@code $name} values are {@link Variables}.
 *
 * @param fields   {@code key=value} pairs as written
 * @param topics   topics or filters in the order written, relative to the test's topic root
 * @param qosAfter for SUBSCRIBE, the {@code q=} given after each filter
 */
record PacketSpec(String type, Map<String, String> fields, List<String> topics, List<Integer> qosAfter,
                  String payload) {

    /** Fields by packet type; topics and payloads are allowed where the type has them. */
    private static final Map<String, Set<String>> FIELDS = Map.ofEntries(
            Map.entry("PUBLISH", Set.of("q", "m", "r", "d")),
            Map.entry("PUBACK", Set.of("m")), Map.entry("PUBREC", Set.of("m")), Map.entry("PUBREL", Set.of("m")),
            Map.entry("PUBCOMP", Set.of("m")), Map.entry("UNSUBACK", Set.of("m")),
            Map.entry("SUBSCRIBE", Set.of("m")), Map.entry("UNSUBSCRIBE", Set.of("m")),
            Map.entry("SUBACK", Set.of("m", "codes")), Map.entry("CONNACK", Set.of("sp", "rc")),
            Map.entry("PINGREQ", Set.of()), Map.entry("PINGRESP", Set.of()), Map.entry("DISCONNECT", Set.of()));
    private static final Set<String> WITH_TOPICS = Set.of("PUBLISH", "SUBSCRIBE", "UNSUBSCRIBE");
    private static final Set<String> SENDABLE = Set.of("PUBLISH", "PUBACK", "PUBREC", "PUBREL", "PUBCOMP",
            "SUBSCRIBE", "UNSUBSCRIBE", "PINGREQ", "DISCONNECT");
    private static final Set<String> RECEIVABLE = Set.of("PUBLISH", "PUBACK", "PUBREC", "PUBREL", "PUBCOMP",
            "SUBACK", "UNSUBACK", "PINGRESP", "CONNACK");

    /** Reads the tokens after a {@code send} or {@code expect} verb; {@code sending} says which. */
    static PacketSpec parse(List<String> tokens, boolean sending) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("a packet type is missing");
        }
        String type = tokens.get(0);
        Set<String> allowed = FIELDS.get(type);
        if (allowed == null || !(sending ? SENDABLE : RECEIVABLE).contains(type)) {
            throw new IllegalArgumentException("'" + type + "' is no packet a client can "
                    + (sending ? "send" : "expect") + " (known: "
                    + (sending ? SENDABLE : RECEIVABLE).stream().sorted().toList() + ")");
        }
        // In the order written, so that descriptions read like the script and are the same in every run.
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> topics = new ArrayList<>();
        List<Integer> qosAfter = new ArrayList<>();
        String payload = null;
        for (String t : tokens.subList(1, tokens.size())) {
            if (t.startsWith("'")) {
                require(WITH_TOPICS.contains(type), type + " has no topic");
                topics.add(t.substring(1, t.length() - 1));
                qosAfter.add(0);
            } else if (t.startsWith("\"")) {
                require(type.equals("PUBLISH") && payload == null, type + " takes no payload here");
                payload = t.substring(1, t.length() - 1);
            } else {
                int eq = t.indexOf('=');
                require(eq > 0, "expected key=value but found '" + t + "'");
                String key = t.substring(0, eq);
                String value = t.substring(eq + 1);
                if (key.equals("q") && type.equals("SUBSCRIBE")) {
                    require(!topics.isEmpty(), "q= of a SUBSCRIBE follows its filter");
                    qosAfter.set(topics.size() - 1, number(key, value, 0, 2));
                    continue;
                }
                require(allowed.contains(key), type + " has no field '" + key + "' (it has " + allowed + ")");
                require(!fields.containsKey(key), "field '" + key + "' is given twice");
                check(key, value);
                fields.put(key, value);
            }
        }
        require(!type.equals("PUBLISH") || topics.size() == 1 || !sending, "a PUBLISH to send needs one topic");
        require(!type.equals("PUBLISH") || topics.size() <= 1, "a PUBLISH has one topic");
        require(!WITH_TOPICS.contains(type) || type.equals("PUBLISH") || !topics.isEmpty(), type + " needs a filter");
        require(!fields.containsKey("m") || !type.equals("PUBLISH") || !"0".equals(fields.get("q"))
                || !sending, "a QoS 0 PUBLISH has no packet id");
        return new PacketSpec(type, Collections.unmodifiableMap(fields), List.copyOf(topics), List.copyOf(qosAfter),
                payload);
    }

    /** The variables this spec uses, e.g. {@code $id}. */
    List<String> variables() {
        return fields.values().stream().filter(v -> v.startsWith("$")).toList();
    }

    /** The packet to send, with variables replaced by their values and topics put under the test's root. */
    Packet packet(Variables vars, UnaryOperator<String> root) {
        int m = fields.containsKey("m") ? vars.resolve(fields.get("m")) : 1;
        return switch (type) {
            case "PUBLISH" -> {
                Qos q = Qos.of(integer("q", 0));
                yield new Publish(integer("d", 0) == 1, q, integer("r", 0) == 1, root.apply(topics.get(0)),
                        q == Qos.AT_MOST_ONCE ? 0 : m, Payload.utf8(payload == null ? "" : payload));
            }
            case "PUBACK" -> new Puback(m);
            case "PUBREC" -> new Pubrec(m);
            case "PUBREL" -> new Pubrel(m);
            case "PUBCOMP" -> new Pubcomp(m);
            case "SUBSCRIBE" -> {
                List<Subscription> subs = new ArrayList<>();
                for (int i = 0; i < topics.size(); i++) {
                    subs.add(new Subscription(root.apply(topics.get(i)), Qos.of(qosAfter.get(i))));
                }
                yield new Subscribe(m, subs);
            }
            case "UNSUBSCRIBE" -> new Unsubscribe(m, topics.stream().map(root).toList());
            case "PINGREQ" -> Pingreq.INSTANCE;
            default -> Disconnect.INSTANCE;
        };
    }

    /**
     * What to expect: the type, and each field written; a variable not yet bound matches any value and is bound by
     * {@link #bind} once the whole packet matched.
     */
    PacketMatcher<Packet> matcher(Variables vars, UnaryOperator<String> root) {
        PacketMatcher<Packet> m = new PacketMatcher<>(Packet.class, type);
        m.and("", p -> p.type().name().equals(type));
        fields.forEach((key, value) -> m.and(key + "=" + vars.describe(value),
                p -> vars.matches(value, attribute(p, key))));
        if (!topics.isEmpty()) {
            String topic = root.apply(topics.get(0));
            m.and("topic '" + topic + "'", p -> p instanceof Publish x && x.topic().equals(topic));
        }
        if (payload != null) {
            m.and("payload \"" + payload + "\"", p -> p instanceof Publish x && x.payload().asUtf8().equals(payload));
        }
        return m;
    }

    /** Binds the variables this spec leaves open to the values {@code p} carries. */
    void bind(Variables vars, Packet p) {
        fields.forEach((key, value) -> {
            if (value.startsWith("$")) {
                vars.bind(value, Integer.parseInt(attribute(p, key)));
            }
        });
    }

    /** Whether this spec only lets a broker grant less than written (SUBACK codes), which the broker may do. */
    boolean grantsLessThan(Packet p) {
        if (!(p instanceof Suback s) || !fields.containsKey("codes")) {
            return false;
        }
        String[] want = fields.get("codes").split(",");
        if (want.length != s.returnCodes().size()) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            int got = s.returnCodes().get(i);
            if (got > Integer.parseInt(want[i]) || got == Suback.FAILURE) {
                return false;
            }
        }
        return true;
    }

    /** The topic and QoS of an expected PUBLISH: messages with the same ones must keep their order. */
    String orderKey() {
        return type.equals("PUBLISH") && !topics.isEmpty() ? topics.get(0) + " q" + fields.getOrDefault("q", "?")
                : null;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(type);
        fields.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        topics.forEach(t -> b.append(" '").append(t).append('\''));
        if (payload != null) {
            b.append(" \"").append(payload).append('"');
        }
        return b.toString();
    }

    private int integer(String key, int fallback) {
        return fields.containsKey(key) ? Integer.parseInt(fields.get(key)) : fallback;
    }

    private static String attribute(Packet p, String key) {
        if (p instanceof Publish x) {
            return switch (key) {
                case "q" -> String.valueOf(x.qos().value());
                case "m" -> String.valueOf(x.packetId());
                case "r" -> x.retain() ? "1" : "0";
                default -> x.dup() ? "1" : "0";
            };
        }
        if (p instanceof Suback x) {
            return key.equals("m") ? String.valueOf(x.packetId())
                    : x.returnCodes().stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (p instanceof Connack x) {
            return key.equals("sp") ? (x.sessionPresent() ? "1" : "0") : String.valueOf(x.returnCode());
        }
        return p instanceof PacketIdOnly x ? String.valueOf(x.packetId()) : "";
    }

    private static void check(String key, String value) {
        switch (key) {
            case "q" -> number(key, value, 0, 2);
            case "r", "d", "sp" -> number(key, value, 0, 1);
            case "rc" -> number(key, value, 0, 255);
            case "m" -> {
                if (!value.matches("\\$[A-Za-z][A-Za-z0-9]*")) {
                    number(key, value, 1, 0xFFFF);
                }
            }
            default -> {
                for (String code : value.split(",", -1)) {
                    number("codes", code, 0, 255);
                }
            }
        }
    }

    private static int number(String key, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + "=" + value + " is not a number from " + min + " to " + max);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
