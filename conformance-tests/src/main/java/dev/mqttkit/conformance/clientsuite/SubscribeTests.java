package dev.mqttkit.conformance.clientsuite;

import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.conformance.clientside.ClientConformanceTest;
import dev.mqttkit.conformance.clientside.ClientHarness;
import dev.mqttkit.conformance.clientside.ClientTest;
import dev.mqttkit.conformance.junit.Statements;

/**
 * The client's SUBSCRIBE: its fixed-header flags, a non-zero packet id, at least one well-formed UTF-8 filter (the
 * strict decoding of every packet checks the rules; a broken one fails with its rule id).
 */
@ClientConformanceTest
class SubscribeTests {

    @ClientTest
    @Statements({"MQTT-3.8.1-1", "MQTT-3.8.3-1", "MQTT-3.8.3-3", "MQTT-2.3.1-1", "MQTT-4.7.1-2", "MQTT-4.7.1-3"})
    void subscribesWithAWellFormedSubscribe(ClientHarness h) {
        h.session(h.options().qos(Qos.EXACTLY_ONCE));
    }
}
