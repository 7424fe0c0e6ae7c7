package dev.mqttkit.broker.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.Topics;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Pubcomp;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Subscribe;
import dev.mqttkit.codec.packet.Unsuback;
import dev.mqttkit.codec.packet.Unsubscribe;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random subscribe / unsubscribe / publish sequences against a model that matches by scanning every subscription
 * with the codec's {@link Topics#matches}: each client must receive exactly what the model predicts (one copy at
 * min(published, highest granted) QoS, RETAIN only for retained messages sent on subscribe), in order.
 */
class ModelBasedRoutingTests {
    private static final String[] TOPICS = {"a", "a/b", "a/b/c", "a/c", "b", "$SYS/x", "a//b", "/a"};
    private static final String[] FILTERS = {"#", "+", "a/#", "a/+", "+/b", "a/b", "$SYS/#", "+/+/c", "a/+/#", "/#",
            "a//b", "+/#"};
    private static final int CLIENTS = 4;

    private record Expected(String topic, String payload, Qos qos, boolean retain) {
    }

    @Test
    void deliversWhatAScanningModelPredicts() {
        for (long seed = 1; seed <= 40; seed++) {
            run(seed);
        }
    }

    private void run(long seed) {
        Random random = new Random(seed);
        EngineHarness broker = new EngineHarness();
        List<EngineHarness.Client> clients = new ArrayList<>();
        List<Map<String, Qos>> subscriptions = new ArrayList<>();
        List<List<Expected>> expected = new ArrayList<>();
        List<List<Expected>> actual = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(broker.connected("c" + i));
            subscriptions.add(new LinkedHashMap<>());
            expected.add(new ArrayList<>());
            actual.add(new ArrayList<>());
        }
        Map<String, Expected> retained = new HashMap<>();
        int nextId = 1;
        for (int step = 0; step < 200; step++) {
            int who = random.nextInt(CLIENTS);
            EngineHarness.Client c = clients.get(who);
            int op = random.nextInt(10);
            int id = nextId++ % 65535 + 1;
            if (op < 3) {
                String filter = FILTERS[random.nextInt(FILTERS.length)];
                Qos qos = Qos.of(random.nextInt(3));
                c.send(Subscribe.of(id, filter, qos));
                subscriptions.get(who).put(filter, qos);
                retained.values().stream().filter(m -> Topics.matches(filter, m.topic())).forEach(m ->
                        expected.get(who).add(new Expected(m.topic(), m.payload(), Qos.min(m.qos(), qos), true)));
            } else if (op < 4) {
                String filter = FILTERS[random.nextInt(FILTERS.length)];
                c.send(new Unsubscribe(id, List.of(filter)));
                subscriptions.get(who).remove(filter);
            } else {
                String topic = TOPICS[random.nextInt(TOPICS.length)];
                Qos qos = Qos.of(random.nextInt(3));
                boolean retain = random.nextInt(4) == 0;
                String payload = random.nextInt(8) == 0 && retain ? "" : "s" + seed + "-" + step;
                c.send(new Publish(false, qos, retain, topic, qos == Qos.AT_MOST_ONCE ? 0 : id,
                        Payload.utf8(payload)));
                if (qos == Qos.EXACTLY_ONCE) {
                    c.send(new Pubrel(id));
                }
                if (retain) {
                    if (payload.isEmpty()) {
                        retained.remove(topic);
                    } else {
                        retained.put(topic, new Expected(topic, payload, qos, true));
                    }
                }
                for (int s = 0; s < CLIENTS; s++) {
                    Qos best = null;
                    for (Map.Entry<String, Qos> e : subscriptions.get(s).entrySet()) {
                        if (Topics.matches(e.getKey(), topic)) {
                            best = best == null ? e.getValue() : Qos.max(best, e.getValue());
                        }
                    }
                    if (best != null) {
                        expected.get(s).add(new Expected(topic, payload, Qos.min(qos, best), false));
                    }
                }
            }
            for (int s = 0; s < CLIENTS; s++) {
                collect(clients.get(s), actual.get(s));
            }
        }
        for (int s = 0; s < CLIENTS; s++) {
            assertThat(normalized(actual.get(s))).as("deliveries to c%d with seed %d", s, seed)
                    .isEqualTo(normalized(expected.get(s)));
        }
    }

    /** Retained messages sent for one SUBSCRIBE come in no specified order: sort each run of them. */
    private static List<Expected> normalized(List<Expected> in) {
        List<Expected> out = new ArrayList<>(in);
        java.util.Comparator<Expected> order = java.util.Comparator.comparing(Expected::topic)
                .thenComparing(Expected::payload).thenComparing(Expected::qos);
        int i = 0;
        while (i < out.size()) {
            int j = i;
            while (j < out.size() && out.get(j).retain()) {
                j++;
            }
            out.subList(i, j).sort(order);
            i = Math.max(j, i + 1);
        }
        return out;
    }

    /** Records deliveries and completes every acknowledgement flow, as a well-behaved client would. */
    private static void collect(EngineHarness.Client c, List<Expected> into) {
        while (!c.link.sent.isEmpty()) {
            Packet p = c.link.sent.poll();
            if (p instanceof Publish pub) {
                into.add(new Expected(pub.topic(), pub.payload().asUtf8(), pub.qos(), pub.retain()));
                assertThat(pub.dup()).isFalse();
                if (pub.qos() == Qos.AT_LEAST_ONCE) {
                    c.send(new Puback(pub.packetId()));
                } else if (pub.qos() == Qos.EXACTLY_ONCE) {
                    c.send(new Pubrec(pub.packetId()));
                }
            } else if (p instanceof Pubrel rel) {
                c.send(new Pubcomp(rel.packetId()));
            } else {
                assertThat(p).isInstanceOfAny(Suback.class, Unsuback.class, Puback.class, Pubrec.class,
                        Pubcomp.class);
            }
        }
    }
}
