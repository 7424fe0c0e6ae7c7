package dev.mqttkit.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Pubcomp;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Qos;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Persistent sessions and takeover over real sockets, where the old connection's close arrives asynchronously. */
class SessionIT {
    private ReferenceBroker broker;

    @BeforeEach
    void start() throws IOException {
        broker = ReferenceBroker.start(BrokerConfig.defaults());
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    private TestClient connectPersistent(boolean expectPresent) throws IOException {
        TestClient c = TestClient.open(broker.port(), ProtocolVersion.MQTT_3_1_1);
        c.send(Connect.of(ProtocolVersion.MQTT_3_1_1, "durable", false, 60));
        assertThat(c.take()).isEqualTo(Connack.accepted(expectPresent));
        return c;
    }

    @Test
    void redeliversInFlightMessagesWithDupAfterAReconnect() throws IOException {
        Publish one;
        Publish two;
        try (TestClient first = connectPersistent(false).subscribe("t", Qos.EXACTLY_ONCE);
             TestClient pub = TestClient.connected(broker.port(), "pub")) {
            pub.send(Publish.of(Qos.AT_LEAST_ONCE, "t", 1, Payload.utf8("one")));
            pub.send(Publish.of(Qos.EXACTLY_ONCE, "t", 2, Payload.utf8("two")));
            one = first.expectPublish();
            two = first.expectPublish();
            first.send(new Pubrec(two.packetId()));
            assertThat(first.take()).isEqualTo(new Pubrel(two.packetId()));
            pub.send(Publish.of(Qos.AT_LEAST_ONCE, "t", 3, Payload.utf8("three")));
            assertThat(first.expectPublish().payload().asUtf8()).isEqualTo("three");
        } // dropped without DISCONNECT, nothing acknowledged but the PUBREC
        // the broker may see this CONNECT before the old socket's close: a takeover then, the same session either way
        try (TestClient again = connectPersistent(true)) {
            assertThat(again.take()).isEqualTo(one.withDup(true));
            assertThat(again.take()).isEqualTo(new Pubrel(two.packetId()));
            Publish three = again.expectPublish();
            assertThat(three.dup()).isTrue();
            assertThat(three.payload().asUtf8()).isEqualTo("three");
            again.send(new Puback(one.packetId())).send(new Pubcomp(two.packetId()))
                    .send(new Puback(three.packetId()));
            again.fence();
        }
    }

    @Test
    void takesOverAnOpenConnectionAndKeepsItsSession() throws IOException {
        try (TestClient first = connectPersistent(false).subscribe("t", Qos.AT_LEAST_ONCE);
             TestClient second = connectPersistent(true);
             TestClient pub = TestClient.connected(broker.port(), "pub")) {
            first.expectClosed();
            pub.send(Publish.of(Qos.AT_LEAST_ONCE, "t", 1, Payload.utf8("after takeover")));
            Publish p = second.expectPublish();
            assertThat(p.payload().asUtf8()).isEqualTo("after takeover");
            second.send(new Puback(p.packetId()));
            second.fence();
        }
    }
}
