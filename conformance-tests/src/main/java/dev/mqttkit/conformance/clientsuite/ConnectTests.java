package dev.mqttkit.conformance.clientsuite;

import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Will;
import dev.mqttkit.conformance.clientside.ClientConformanceTest;
import dev.mqttkit.conformance.clientside.ClientHarness;
import dev.mqttkit.conformance.clientside.ClientLink;
import dev.mqttkit.conformance.clientside.ClientMatch;
import dev.mqttkit.conformance.clientside.ClientTest;
import dev.mqttkit.conformance.clientside.DriverOptions;
import dev.mqttkit.conformance.junit.Statements;

/** The client's CONNECT: first on the connection, and carrying exactly what the application gave it (3.1.2, 3.1.3). */
@ClientConformanceTest
class ConnectTests {

    @ClientTest
    @Statements("MQTT-3.1.0-1")
    void sendsConnectAsItsFirstPacket(ClientHarness h) {
        DriverOptions o = h.options();
        h.start(o);
        ClientLink link = h.firstConnection();
        link.expect(ClientMatch.connect());
    }

    /**
     * Without will or credentials, the flags that would announce them are 0 and the fields are absent; the protocol
     * name and level are those of the version asked for.
     */
    @ClientTest
    @Statements({"MQTT-3.1.2-11", "MQTT-3.1.2-13", "MQTT-3.1.2-15", "MQTT-3.1.2-22", "MQTT-3.1.3-3",
            "MQTT-3.1.3-4", "MQTTv3.1-2.2-1"})
    void sendsNoWillAndNoCredentialsWhenGivenNone(ClientHarness h) {
        DriverOptions o = h.options();
        h.start(o);
        Connect c = h.firstConnection().expect(ClientMatch.connect(o));
        if (c.will() != null || c.userName() != null || c.password() != null) {
            throw new AssertionError("the CONNECT carries " + c.summary() + " though the driver was given no will"
                    + " and no credentials");
        }
    }

    @ClientTest
    @Statements({"MQTT-3.1.2-9", "MQTT-3.1.2-14", "MQTT-3.1.3-1", "MQTT-3.1.3-10"})
    void sendsTheWillItWasGiven(ClientHarness h) {
        DriverOptions base = h.options();
        DriverOptions o = base.will(new DriverOptions.WillOption(base.prefix() + "/will", "gone \u00fc",
                Qos.AT_LEAST_ONCE, true));
        h.start(o);
        Will expected = new Will(o.will().topic(), Payload.utf8(o.will().message()), Qos.AT_LEAST_ONCE, true);
        h.firstConnection().expect(ClientMatch.connect(o).and("will " + expected, c -> expected.equals(c.will())));
    }

    @ClientTest
    @Statements({"MQTT-3.1.2-19", "MQTT-3.1.2-21", "MQTT-3.1.3-11"})
    void sendsTheUserNameAndPasswordItWasGiven(ClientHarness h) {
        DriverOptions o = h.options().credentials("user-\u00e9", "secret-1");
        h.start(o);
        h.firstConnection().expect(ClientMatch.connect(o)
                .and("user name 'user-\u00e9'", c -> "user-\u00e9".equals(c.userName()))
                .and("password 'secret-1'", c -> Payload.utf8("secret-1").equals(c.password())));
    }
}
