package dev.mqttkit.conformance.clientsuite;

import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Subscribe;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.clientside.ClientConformanceTest;
import dev.mqttkit.conformance.clientside.ClientHarness;
import dev.mqttkit.conformance.clientside.ClientLink;
import dev.mqttkit.conformance.clientside.ClientTest;
import dev.mqttkit.conformance.clientside.Conversation;
import dev.mqttkit.conformance.clientside.DriverOptions;
import dev.mqttkit.conformance.junit.Statements;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** The client as the receiver of the broker's messages: its answer at each QoS (MQTT 3.1.1 sections 4.3, 4.5, 4.6). */
@ClientConformanceTest
class ReceiveTests {

    /** A QoS 0 message gets no answer: the next thing the client sends is its copy of the message that follows. */
    @ClientTest
    @Statements("MQTT-3.3.4-1")
    void answersNothingToQos0(ClientHarness h) {
        DriverOptions o = h.options().qos(Qos.EXACTLY_ONCE);
        Conversation c = new Conversation(h.session(o));
        c.deliver(o.in("a"), Qos.AT_MOST_ONCE, "q0");
        List<Packet> before = c.beforeMarker(o, "m");
        List<Packet> answers = before.stream().filter(p -> !(p instanceof Publish)).toList();
        if (!answers.isEmpty()) {
            throw c.link().fail("answered a QoS 0 PUBLISH with " + answers.get(0).summary());
        }
    }

    /** The PUBACK's fixed-header flags are checked too: 0000, as for every packet whose flags are reserved. */
    @ClientTest
    @Statements({"MQTT-4.3.2-2", "MQTT-3.3.4-1", "MQTT-2.3.1-6", "MQTT-2.2.2-1"})
    void acknowledgesQos1WithPubackOfItsPacketId(ClientHarness h) {
        DriverOptions o = h.options();
        Conversation c = new Conversation(h.session(o));
        Publish sent = c.deliver(o.in("a"), Qos.AT_LEAST_ONCE, "q1");
        c.until(Match.puback(sent.packetId()));
    }

    /**
     * The receiver's side of QoS 2: PUBREC with the id, then PUBCOMP for the PUBREL. The message may reach the
     * application on the PUBLISH or on the PUBREL (both are allowed); it must reach it once.
     */
    @ClientTest
    @Statements({"MQTT-4.3.3-2", "MQTT-3.3.4-1", "MQTT-2.3.1-6"})
    void completesTheQos2ReceiverFlow(ClientHarness h) {
        DriverOptions o = h.options().qos(Qos.EXACTLY_ONCE);
        Conversation c = new Conversation(h.session(o)).holdingReleases();
        Publish sent = c.deliver(o.in("a"), Qos.EXACTLY_ONCE, "q2");
        c.until(Match.pubrec(sent.packetId()));
        c.link().send(new Pubrel(sent.packetId()));
        c.until(Match.pubcomp(sent.packetId()));
    }

    /** A repeated QoS 2 PUBLISH before the PUBREL is answered with PUBREC again and not delivered again. */
    @ClientTest
    @Statements("MQTT-4.3.3-2")
    void acknowledgesARepeatedQos2PublishWithoutDeliveringItTwice(ClientHarness h) {
        DriverOptions o = h.options().qos(Qos.EXACTLY_ONCE);
        Conversation c = new Conversation(h.session(o)).holdingReleases();
        Publish sent = c.deliver(o.in("a"), Qos.EXACTLY_ONCE, "once");
        c.until(Match.pubrec(sent.packetId()));
        c.link().send(sent.withDup(true));
        c.until(Match.pubrec(sent.packetId()));
        c.link().send(new Pubrel(sent.packetId()));
        c.until(Match.pubcomp(sent.packetId()));
        c.beforeMarker(o, "m");
        long copies = c.published().stream().filter(p -> p.topic().equals(o.out("a"))).count();
        if (copies != 1) {
            throw c.link().fail("the application got the message " + copies + " times (its copies on " + o.out("a")
                    + "); a repeated PUBLISH before PUBREL must not be delivered again");
        }
    }

    /** Every PUBLISH is acknowledged, also one on a topic the client did not subscribe to. */
    @ClientTest
    @Statements("MQTT-4.5.0-2")
    void acknowledgesAPublishItDidNotSubscribeTo(ClientHarness h) {
        DriverOptions o = h.options();
        Conversation c = new Conversation(h.session(o));
        Publish sent = c.deliver(o.prefix() + "/elsewhere", Qos.AT_LEAST_ONCE, "unasked");
        c.until(Match.puback(sent.packetId()));
    }

    /** A broker may deliver before its SUBACK (MQTT 3.1.1 section 3.8.4); the message is acknowledged all the same. */
    @ClientTest
    @Statements("MQTT-4.5.0-2")
    void acknowledgesAPublishThatArrivesBeforeTheSuback(ClientHarness h) {
        DriverOptions o = h.options();
        h.start(o);
        ClientLink link = h.firstConnection();
        h.connect(link, o, false);
        Subscribe s = h.subscription(link, o);
        Conversation c = new Conversation(link);
        Publish early = c.deliver(o.in("early"), Qos.AT_LEAST_ONCE, "before the SUBACK");
        link.send(ClientHarness.granted(s));
        c.until(Match.puback(early.packetId()));
    }

    @ClientTest
    @Statements("MQTT-4.6.0-2")
    void sendsPubacksInTheOrderThePublishesArrived(ClientHarness h) {
        DriverOptions o = h.options();
        Conversation c = new Conversation(h.session(o));
        List<Publish> burst = burst(c, o, Qos.AT_LEAST_ONCE);
        List<Integer> order = answerOrder(c, burst.size(), Puback.class, Puback::packetId);
        expectOrder(c, "PUBACK", burst, order);
    }

    @ClientTest
    @Statements("MQTT-4.6.0-3")
    void sendsPubrecsInTheOrderThePublishesArrived(ClientHarness h) {
        DriverOptions o = h.options().qos(Qos.EXACTLY_ONCE);
        Conversation c = new Conversation(h.session(o)).holdingReleases();
        List<Publish> burst = burst(c, o, Qos.EXACTLY_ONCE);
        List<Integer> order = answerOrder(c, burst.size(), Pubrec.class, Pubrec::packetId);
        expectOrder(c, "PUBREC", burst, order);
        for (Publish p : burst) {
            c.link().send(new Pubrel(p.packetId()));
        }
        for (Publish p : burst) {
            c.until(Match.pubcomp(p.packetId()));
        }
    }

    static List<Publish> burst(Conversation c, DriverOptions o, Qos qos) {
        List<Publish> burst = List.of(c.message(o.in("a"), qos, "1"), c.message(o.in("b"), qos, "2"),
                c.message(o.in("c"), qos, "3"));
        c.sendTogether(burst);
        return burst;
    }

    /** The packet ids of the client's first {@code n} answers of {@code type} to the broker's burst. */
    private static <T extends Packet> List<Integer> answerOrder(Conversation c, int n, Class<T> type,
                                                                ToIntFunction<T> id) {
        List<Integer> ids = new ArrayList<>();
        while (ids.size() < n) {
            Packet p = c.next();
            if (type.isInstance(p)) {
                ids.add(id.applyAsInt(type.cast(p)));
            }
        }
        return ids;
    }

    private static void expectOrder(Conversation c, String what, List<Publish> burst, List<Integer> order) {
        List<Integer> sent = burst.stream().map(Publish::packetId).toList();
        if (!sent.equals(order)) {
            throw c.link().fail("sent " + what + " for ids " + order + " to PUBLISH packets that arrived as " + sent);
        }
    }

}
