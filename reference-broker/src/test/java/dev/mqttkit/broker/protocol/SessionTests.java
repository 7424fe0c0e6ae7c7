package dev.mqttkit.broker.protocol;

import static dev.mqttkit.broker.protocol.EngineHarness.publish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Disconnect;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Pubcomp;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Qos;
import org.junit.jupiter.api.Test;

class SessionTests {
    private final EngineHarness broker = new EngineHarness();

    private EngineHarness.Client reconnect(String id, boolean clean, boolean expectPresent) {
        EngineHarness.Client c = broker.connect(Connect.of(ProtocolVersion.MQTT_3_1_1, id, clean, 60));
        assertThat(c.next()).isEqualTo(Connack.accepted(expectPresent));
        return c;
    }

    @Test
    void reportsSessionPresentOnlyForAStoredPersistentSession() {
        broker.connected("p", false).send(Disconnect.INSTANCE);
        reconnect("p", false, true).send(Disconnect.INSTANCE);
        reconnect("p", true, false).send(Disconnect.INSTANCE);
        reconnect("p", false, false);
    }

    @Test
    void neverReportsSessionPresentInMqtt31() {
        broker.connect(Connect.of(ProtocolVersion.MQTT_3_1, "p", false, 60)).send(Disconnect.INSTANCE);
        EngineHarness.Client c = broker.connect(Connect.of(ProtocolVersion.MQTT_3_1, "p", false, 60));
        assertThat(c.next()).isEqualTo(Connack.accepted(false));
    }

    @Test
    void keepsSubscriptionsAndQueuesQos1And2WhileOffline() {
        broker.connected("p", false).subscribe("t", Qos.EXACTLY_ONCE).send(Disconnect.INSTANCE);
        EngineHarness.Client pub = broker.connected("pub");
        pub.send(publish(Qos.AT_MOST_ONCE, "t", 0, "q0"));
        pub.send(publish(Qos.AT_LEAST_ONCE, "t", 1, "q1"));
        pub.send(publish(Qos.EXACTLY_ONCE, "t", 2, "q2"));
        EngineHarness.Client back = reconnect("p", false, true);
        Publish a = back.nextPublish();
        Publish b = back.nextPublish();
        assertThat(a.payload().asUtf8()).isEqualTo("q1");
        assertThat(b.payload().asUtf8()).isEqualTo("q2");
        assertThat(b.qos()).isEqualTo(Qos.EXACTLY_ONCE);
        back.nothingMore();
    }

    @Test
    void redeliversUnacknowledgedMessagesWithDupInOrderOnReconnect() {
        EngineHarness.Client sub = broker.connected("p", false).subscribe("t", Qos.EXACTLY_ONCE);
        EngineHarness.Client pub = broker.connected("pub");
        pub.send(publish(Qos.AT_LEAST_ONCE, "t", 1, "one"));
        pub.send(publish(Qos.EXACTLY_ONCE, "t", 2, "two"));
        pub.send(publish(Qos.EXACTLY_ONCE, "t", 3, "three"));
        Publish one = sub.nextPublish();
        Publish two = sub.nextPublish();
        Publish three = sub.nextPublish();
        sub.send(new Pubrec(three.packetId()));
        assertThat(sub.next()).isEqualTo(new Pubrel(three.packetId()));
        sub.drop();

        EngineHarness.Client back = reconnect("p", false, true);
        assertThat(back.next()).isEqualTo(one.withDup(true));
        assertThat(back.next()).isEqualTo(two.withDup(true));
        assertThat(back.next()).isEqualTo(new Pubrel(three.packetId()));
        back.send(new Puback(one.packetId())).send(new Pubrec(two.packetId()));
        assertThat(back.next()).isEqualTo(new Pubrel(two.packetId()));
        back.send(new Pubcomp(two.packetId())).send(new Pubcomp(three.packetId()));
        back.nothingMore();
    }

    @Test
    void discardsTheSessionOfACleanSessionClient() {
        broker.connected("c", true).subscribe("t", Qos.AT_LEAST_ONCE).send(Disconnect.INSTANCE);
        assertThat(broker.engine.sessionCount()).isZero();
        assertThat(broker.engine.subscriptionCount()).isZero();
        broker.connected("pub").send(publish(Qos.AT_LEAST_ONCE, "t", 1, "x"));
        reconnect("c", false, false).nothingMore();
    }

    @Test
    void takeoverOfAPersistentSessionHandsItToTheNewConnection() {
        EngineHarness.Client first = broker.connected("p", false).subscribe("t", Qos.AT_LEAST_ONCE);
        EngineHarness.Client second = reconnect("p", false, true);
        assertThat(first.closed()).isTrue();
        broker.engine.closed(first.connection); // the old socket's close event arrives late
        broker.connected("pub").send(publish(Qos.AT_LEAST_ONCE, "t", 1, "x"));
        assertThat(second.nextPublish().payload().asUtf8()).isEqualTo("x");
        first.nothingMore();
    }

    @Test
    void remembersIncomingQos2IdsAcrossReconnect() {
        EngineHarness.Client sub = broker.connected("sub").subscribe("t", Qos.AT_MOST_ONCE);
        EngineHarness.Client pub = broker.connected("p", false);
        pub.send(publish(Qos.EXACTLY_ONCE, "t", 7, "x"));
        assertThat(pub.next()).isEqualTo(new Pubrec(7));
        pub.drop();
        EngineHarness.Client back = reconnect("p", false, true);
        back.send(publish(Qos.EXACTLY_ONCE, "t", 7, "x").withDup(true));
        assertThat(back.next()).isEqualTo(new Pubrec(7));
        back.send(new Pubrel(7));
        assertThat(back.next()).isEqualTo(new Pubcomp(7));
        sub.nextPublish();
        sub.nothingMore();
    }
}
