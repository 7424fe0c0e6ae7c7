package dev.mqttkit.conformance.clientsuite;

import dev.mqttkit.conformance.clientside.ClientConformanceTest;
import dev.mqttkit.conformance.clientside.ClientHarness;
import dev.mqttkit.conformance.clientside.ClientLink;
import dev.mqttkit.conformance.clientside.ClientTest;
import dev.mqttkit.conformance.clientside.DriverOptions;
import dev.mqttkit.conformance.junit.Statements;

/** A normal end: DISCONNECT, then nothing more, then the client closes the connection (MQTT 3.1.1 section 3.14.4). */
@ClientConformanceTest
class DisconnectTests {

    @ClientTest
    @Statements({"MQTT-3.14.4-1", "MQTT-3.14.4-2"})
    void closesTheConnectionAfterDisconnectAndSendsNothingMore(ClientHarness h) {
        DriverOptions o = h.options();
        ClientLink link = h.session(o);
        h.disconnect(link, o);
        ClientLink.Ending end = link.awaitClosure(h.timeouts().closure());
        if (!end.before().isEmpty()) {
            h.checking("MQTT-3.14.4-2");
            throw link.fail("sent " + end.before().get(0).summary() + " after its DISCONNECT");
        }
        if (!end.closed()) {
            h.checking("MQTT-3.14.4-1");
            throw link.fail("kept the connection open " + h.timeouts().closure().toMillis()
                    + " ms after its DISCONNECT");
        }
        h.observed("closed the connection " + (end.closedAtNanos() - link.arrivals().get(link.arrivals().size() - 1))
                / 1_000_000 + " ms after its DISCONNECT");
    }
}
