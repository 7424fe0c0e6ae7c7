package dev.mqttkit.conformance.clientsuite;

import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.conformance.clientside.ClientConformanceTest;
import dev.mqttkit.conformance.clientside.ClientHarness;
import dev.mqttkit.conformance.clientside.ClientTest;
import dev.mqttkit.conformance.clientside.Conversation;
import dev.mqttkit.conformance.clientside.DriverOptions;
import dev.mqttkit.conformance.junit.Statements;

/** Topic names the client sends: UTF-8 kept exactly, no wildcards (MQTT 3.1.1 sections 1.5.3, 3.3.2, 4.7). */
@ClientConformanceTest
class TopicTests {

    @ClientTest
    @Statements({"MQTT-3.3.2-1", "MQTT-3.3.2-2", "MQTT-4.7.1-1", "MQTT-4.7.3-1"})
    void publishesTopicNamesWithoutWildcards(ClientHarness h) {
        DriverOptions o = h.options();
        Conversation c = new Conversation(h.session(o));
        c.deliver(o.in("a/b"), Qos.AT_MOST_ONCE, "plain");
        Publish copy = c.publishesBelow(o.out(""), 1).get(0);
        if (!copy.topic().equals(o.out("a/b"))) {
            throw c.link().fail("published the copy of " + o.in("a/b") + " to '" + copy.topic() + "'");
        }
    }

    /** Two- and three-byte characters and a four-byte one (outside the Basic Multilingual Plane): all well-formed. */
    @ClientTest
    @Statements("MQTT-1.5.3-1")
    void keepsMultiByteCharactersOfAUtf8Topic(ClientHarness h) {
        keepsTopic(h, "\u00fc\u20ac\ud834\udd1ez");
    }

    /** U+FEFF (bytes EF BB BF) is a character like any other, which a receiver must not skip or strip. */
    @ClientTest
    @Statements("MQTT-1.5.3-3")
    void keepsTheByteOrderMarkInATopic(ClientHarness h) {
        keepsTopic(h, "\ufeffz");
    }

    private static void keepsTopic(ClientHarness h, String name) {
        DriverOptions o = h.options();
        Conversation c = new Conversation(h.session(o));
        c.deliver(o.in(name), Qos.AT_MOST_ONCE, "utf8");
        Publish copy = c.publishesBelow(o.out(""), 1).get(0);
        if (!copy.topic().equals(o.out(name))) {
            throw c.link().fail("published the copy of '" + escape(o.in(name)) + "' to '" + escape(copy.topic())
                    + "'");
        }
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.append(cp < 0x80 ? Character.toString(cp) : String.format("\\u{%X}", cp)));
        return b.toString();
    }
}
