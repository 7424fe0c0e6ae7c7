package dev.mqttkit.conformance.clientsuite;

import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Pubcomp;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.clientside.ClientConformanceTest;
import dev.mqttkit.conformance.clientside.ClientHarness;
import dev.mqttkit.conformance.clientside.ClientTest;
import dev.mqttkit.conformance.clientside.Conversation;
import dev.mqttkit.conformance.clientside.DriverOptions;
import dev.mqttkit.conformance.junit.Statements;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The client as the sender of messages (the driver's copies on {@code <prefix>/out/X}): DUP, packet ids and the
 * sender's side of each QoS flow (MQTT 3.1.1 sections 2.3.1, 3.3.1, 4.3, 4.6).
 */
@ClientConformanceTest
class SendTests {

    @ClientTest
    @Statements({"MQTT-4.3.1-1", "MQTT-3.3.1-2", "MQTT-2.3.1-5"})
    void sendsQos0WithDupZeroAndNoPacketId(ClientHarness h) {
        DriverOptions o = h.options().qos(Qos.AT_MOST_ONCE);
        Conversation c = new Conversation(h.session(o));
        c.deliver(o.in("a"), Qos.AT_MOST_ONCE, "zero");
        c.until(Match.publish(o.out("a")).qos(0).dup(false).payload("zero"));
    }

    @ClientTest
    @Statements({"MQTT-4.3.2-1", "MQTT-2.3.1-1"})
    void sendsQos1WithDupZeroAndAPacketId(ClientHarness h) {
        DriverOptions o = h.options();
        Conversation c = new Conversation(h.session(o));
        c.deliver(o.in("a"), Qos.AT_LEAST_ONCE, "one");
        c.until(Match.publish(o.out("a")).qos(1).dup(false).payload("one"));
    }

    /** PUBLISH with DUP 0, PUBREL (flags 0010) with the id for the PUBREC, then the PUBCOMP ends it. */
    @ClientTest
    @Statements({"MQTT-4.3.3-1", "MQTT-3.6.1-1", "MQTT-2.3.1-6"})
    void completesTheQos2SenderFlow(ClientHarness h) {
        DriverOptions o = h.options().qos(Qos.EXACTLY_ONCE);
        Conversation c = new Conversation(h.session(o)).holdingAcknowledgements().holdingCompletions();
        c.deliver(o.in("a"), Qos.EXACTLY_ONCE, "two");
        Publish copy = c.until(Match.publish(o.out("a")).qos(2).dup(false).payload("two"));
        c.link().send(new Pubrec(copy.packetId()));
        c.until(Match.pubrel(copy.packetId()));
        c.link().send(new Pubcomp(copy.packetId()));
        c.beforeMarker(o, "m");
    }

    /** Messages in flight at the same time each get an identifier no other of them has. */
    @ClientTest
    @Statements("MQTT-2.3.1-2")
    void givesEachMessageInFlightItsOwnPacketId(ClientHarness h) {
        DriverOptions o = h.options();
        Conversation c = new Conversation(h.session(o)).holdingAcknowledgements();
        ReceiveTests.burst(c, o, Qos.AT_LEAST_ONCE);
        List<Publish> copies = c.publishesBelow(o.out(""), 3);
        List<Integer> ids = copies.stream().map(Publish::packetId).toList();
        if (new HashSet<>(ids).size() != ids.size()) {
            throw c.link().fail("sent " + ids.size() + " QoS 1 messages in flight with the packet ids " + ids);
        }
    }

    /** The PUBRELs follow the order of the PUBRECs, here the reverse of the order of the messages. */
    @ClientTest
    @Statements("MQTT-4.6.0-4")
    void sendsPubrelsInTheOrderThePubrecsArrived(ClientHarness h) {
        DriverOptions o = h.options().qos(Qos.EXACTLY_ONCE);
        Conversation c = new Conversation(h.session(o)).holdingAcknowledgements().holdingCompletions();
        ReceiveTests.burst(c, o, Qos.EXACTLY_ONCE);
        List<Pubrec> recs = new ArrayList<>();
        for (Publish copy : c.publishesBelow(o.out(""), 3)) {
            recs.add(0, new Pubrec(copy.packetId()));
        }
        c.sendTogether(recs);
        List<Integer> order = new ArrayList<>();
        while (order.size() < recs.size()) {
            Packet p = c.next();
            if (p instanceof Pubrel r) {
                order.add(r.packetId());
            }
        }
        List<Integer> expected = recs.stream().map(Pubrec::packetId).toList();
        if (!order.equals(expected)) {
            throw c.link().fail("sent PUBREL for ids " + order + " to PUBREC packets that arrived as " + expected);
        }
        c.sendTogether(expected.stream().map(Pubcomp::new).toList());
    }
}
