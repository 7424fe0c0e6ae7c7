package dev.mqttkit.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.Fault;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Faults switched on through the embedding API change what goes over the wire, with a warning at start. */
class FaultSwitchIT {
    @Test
    void warnsLoudlyAndBreaksTheNamedStatement() throws Exception {
        LogLines log = new LogLines();
        BrokerConfig config = BrokerConfig.defaults().withLog(log)
                .withFaults(Set.of(Fault.ACCEPT_SECOND_CONNECT, Fault.RETAIN_ON_LIVE_FORWARD));
        try (ReferenceBroker broker = ReferenceBroker.start(config);
             TestClient sub = TestClient.connected(broker.port(), "sub").subscribe("t", Qos.AT_MOST_ONCE);
             TestClient c = TestClient.connected(broker.port(), "c")) {
            c.send(Connect.of(ProtocolVersion.MQTT_3_1_1, "c", true, 60));
            assertThat(c.take()).isEqualTo(Connack.accepted(false));
            c.send(Publish.qos0("t", Payload.utf8("x")).withRetain(true));
            assertThat(sub.expectPublish().retain()).isTrue();
        }
        assertThat(log.snapshot()).anyMatch(l -> l.contains("WARNING: deliberate faults enabled")
                && l.contains("ACCEPT_SECOND_CONNECT (MQTT-3.1.0-2)") && l.contains("RETAIN_ON_LIVE_FORWARD"));
    }

    @Test
    void delayedFanoutDeliversAfterTheAcknowledgementKeepingTheOrder() throws Exception {
        BrokerConfig config = BrokerConfig.defaults().withFaults(Set.of(Fault.DELAYED_FANOUT));
        try (ReferenceBroker broker = ReferenceBroker.start(config);
             TestClient sub = TestClient.connected(broker.port(), "sub").subscribe("d/#", Qos.AT_LEAST_ONCE);
             TestClient pub = TestClient.connected(broker.port(), "pub")) {
            for (int i = 1; i <= 40; i++) {
                pub.send(Publish.of(Qos.AT_LEAST_ONCE, "d/" + (i % 3), i, Payload.utf8("m" + i)));
                assertThat(pub.take()).isEqualTo(new Puback(i));
            }
            for (int i = 1; i <= 40; i++) {
                Publish p = sub.expectPublish();
                assertThat(p.payload().asUtf8()).isEqualTo("m" + i);
                sub.send(new Puback(p.packetId()));
            }
        }
    }

    @Test
    void conformsWithoutFaults() throws Exception {
        LogLines log = new LogLines();
        try (ReferenceBroker broker = ReferenceBroker.start(BrokerConfig.defaults().withLog(log));
             TestClient sub = TestClient.connected(broker.port(), "sub").subscribe("t", Qos.AT_MOST_ONCE);
             TestClient c = TestClient.connected(broker.port(), "c")) {
            c.send(Publish.qos0("t", Payload.utf8("x")).withRetain(true));
            assertThat(sub.expectPublish().retain()).isFalse();
            c.send(Connect.of(ProtocolVersion.MQTT_3_1_1, "c", true, 60));
            c.expectClosed();
        }
        assertThat(log.snapshot()).noneMatch(l -> l.contains("WARNING"));
    }
}
