package dev.mqttkit.conformance.clientsuite;

import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Pubcomp;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.clientside.ClientConformanceTest;
import dev.mqttkit.conformance.clientside.ClientHarness;
import dev.mqttkit.conformance.clientside.ClientLink;
import dev.mqttkit.conformance.clientside.ClientTest;
import dev.mqttkit.conformance.clientside.Conversation;
import dev.mqttkit.conformance.clientside.DriverOptions;
import dev.mqttkit.conformance.junit.Statements;
import java.util.List;

/**
 * What a client keeps across connections: with CleanSession 0 it resends what was not acknowledged, with DUP set and
 * the original ids, in the original order (MQTT 3.1.1 sections 3.1.2.4, 4.4, 4.6); with CleanSession 1 it starts
 * afresh. The scripted broker drops the connection mid-flow; the driver reconnects by itself. The cases of the
 * resend each check one statement, so a finding names only the rule broken.
 */
@ClientConformanceTest
class SessionTests {

    @ClientTest
    @Statements({"MQTT-4.4.0-1", "MQTT-3.1.2-4"})
    void resendsUnacknowledgedPublishesAfterReconnecting(ClientHarness h) {
        resent(h);
    }

    @ClientTest
    @Statements("MQTT-3.3.1-1")
    void setsDupOnThePublishesItResends(ClientHarness h) {
        Resent r = resent(h);
        h.checking("MQTT-3.3.1-1");
        for (Publish p : r.again()) {
            if (!p.dup()) {
                throw r.link().fail("resent " + r.first(p).summary() + " with DUP 0: " + p.summary());
            }
        }
    }

    @ClientTest
    @Statements("MQTT-2.3.1-3")
    void resendsWithTheOriginalPacketIds(ClientHarness h) {
        Resent r = resent(h);
        h.checking("MQTT-2.3.1-3");
        for (Publish p : r.again()) {
            if (p.packetId() != r.first(p).packetId()) {
                throw r.link().fail("resent " + r.first(p).summary() + " with another packet id: " + p.summary());
            }
        }
    }

    @ClientTest
    @Statements("MQTT-4.6.0-1")
    void resendsInTheOriginalOrder(ClientHarness h) {
        Resent r = resent(h);
        h.checking("MQTT-4.6.0-1");
        if (!r.again().stream().map(Publish::topic).toList().equals(r.first().stream().map(Publish::topic).toList())) {
            throw r.link().fail("resent " + summaries(r.again()) + " in another order than it first sent them: "
                    + summaries(r.first()));
        }
    }

    /** The copies the client first sent and those it resent on the reconnected link, each resent one once. */
    private record Resent(List<Publish> first, List<Publish> again, ClientLink link) {
        Publish first(Publish resent) {
            return first.stream().filter(p -> p.topic().equals(resent.topic())).findFirst().orElseThrow();
        }
    }

    /**
     * Three QoS 1 copies left unacknowledged, the connection dropped, the reconnect accepted with session present:
     * the client must resend all three (checked here, as MQTT-4.4.0-1 and MQTT-3.1.2-4). Resent copies are
     * acknowledged as they come, so a client that resends one at a time is not held up.
     */
    private static Resent resent(ClientHarness h) {
        DriverOptions o = h.options().cleanSession(false);
        Conversation c = new Conversation(h.session(o)).holdingAcknowledgements();
        ReceiveTests.burst(c, o, Qos.AT_LEAST_ONCE);
        List<Publish> first = c.publishesBelow(o.out(""), 3);
        c.link().drop();
        ClientLink again = h.reconnection();
        h.connect(again, o, true);
        h.checking("MQTT-4.4.0-1", "MQTT-3.1.2-4");
        List<Publish> resent = new java.util.ArrayList<>();
        Conversation c2 = new Conversation(again, 2000);
        while (resent.size() < first.size()) {
            Publish p = c2.until(Match.anyPublish().and("", x -> x.topic().startsWith(o.out(""))));
            if (resent.stream().noneMatch(x -> x.topic().equals(p.topic()))) {
                resent.add(p);
            }
        }
        return new Resent(first, resent, again);
    }

    /** A QoS 2 message whose PUBREC arrived but not its PUBCOMP: the PUBREL is sent again, not the PUBLISH. */
    @ClientTest
    @Statements("MQTT-4.4.0-1")
    void resendsAnUncompletedPubrelAfterReconnecting(ClientHarness h) {
        DriverOptions o = h.options().cleanSession(false).qos(Qos.EXACTLY_ONCE);
        Conversation c = new Conversation(h.session(o)).holdingAcknowledgements().holdingCompletions();
        c.deliver(o.in("a"), Qos.EXACTLY_ONCE, "two");
        Publish copy = c.until(Match.publish(o.out("a")));
        c.link().send(new Pubrec(copy.packetId()));
        c.until(Match.pubrel(copy.packetId()));
        c.link().drop();
        ClientLink again = h.reconnection();
        h.connect(again, o, true);
        new Conversation(again, 2000).holdingCompletions().until(Match.pubrel(copy.packetId()));
        again.send(new Pubcomp(copy.packetId()));
    }

    /**
     * After a reconnect with CleanSession 1 the old session is gone: a message left unacknowledged is not resent as
     * a retry (DUP 1, old id). Sending it again as a new message is the application's or library's choice; it is
     * noted.
     */
    @ClientTest
    @Statements("MQTT-3.1.2-6")
    void doesNotResumeTheOldSessionAfterReconnectingWithCleanSession(ClientHarness h) {
        DriverOptions o = h.options();
        Conversation c = new Conversation(h.session(o)).holdingAcknowledgements();
        c.deliver(o.in("a"), Qos.AT_LEAST_ONCE, "old");
        Publish copy = c.until(Match.publish(o.out("a")));
        c.link().drop();
        ClientLink again = h.reconnection();
        h.connect(again, o, false);
        List<Packet> before = new Conversation(again, 2000).beforeMarker(o, "m");
        for (Packet p : before) {
            if (p instanceof Publish pub && pub.topic().equals(copy.topic())) {
                if (pub.dup()) {
                    throw again.fail("resent " + pub.summary() + " as a retry of the discarded session's "
                            + copy.summary());
                }
                h.observed("sent the unacknowledged message again as a new message after a CleanSession 1"
                        + " reconnect");
            }
        }
    }

    private static String summaries(List<Publish> ps) {
        return String.join(", ", ps.stream().map(Publish::summary).toList());
    }
}
