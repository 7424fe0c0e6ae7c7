package dev.mqttkit.conformance.clientsuite;

import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Unsuback;
import dev.mqttkit.codec.packet.Unsubscribe;
import dev.mqttkit.conformance.clientside.ClientConformanceTest;
import dev.mqttkit.conformance.clientside.ClientHarness;
import dev.mqttkit.conformance.clientside.ClientLink;
import dev.mqttkit.conformance.clientside.ClientMatch;
import dev.mqttkit.conformance.clientside.ClientTest;
import dev.mqttkit.conformance.clientside.Conversation;
import dev.mqttkit.conformance.clientside.DriverOptions;
import dev.mqttkit.conformance.junit.Statements;

/**
 * The client's UNSUBSCRIBE, made when the driver is told to on {@code <prefix>/ctl/unsubscribe}: its fixed-header
 * flags, a non-zero packet id and at least one well-formed UTF-8 filter (checked by the strict reading of the packet,
 * a broken rule failing with its id).
 */
@ClientConformanceTest
class UnsubscribeTests {

    @ClientTest
    @Statements({"MQTT-3.10.1-1", "MQTT-3.10.3-1", "MQTT-3.10.3-2", "MQTT-2.3.1-1"})
    void unsubscribesWithAWellFormedUnsubscribe(ClientHarness h) {
        DriverOptions o = h.options();
        ClientLink link = h.session(o);
        link.send(Publish.qos0(o.unsubscribeTopic(), Payload.EMPTY));
        Unsubscribe u = new Conversation(link).until(ClientMatch.unsubscribe(o));
        link.send(new Unsuback(u.packetId()));
    }
}
