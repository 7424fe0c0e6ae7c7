package dev.mqttkit.broker.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.DecodeResult;
import dev.mqttkit.codec.DecoderOptions;
import dev.mqttkit.codec.MqttDecoder;
import dev.mqttkit.codec.RawFrame;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Pingreq;
import dev.mqttkit.codec.packet.Pingresp;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Unsuback;
import dev.mqttkit.codec.packet.Unsubscribe;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectTests {
    private final EngineHarness broker = new EngineHarness();

    @Test
    void acceptsConnectWithConnackZeroAndSessionPresentZeroForCleanSession() {
        EngineHarness.Client c = broker.connect(Connect.of(ProtocolVersion.MQTT_3_1_1, "c1", true, 60));
        assertThat(c.next()).isEqualTo(Connack.accepted(false));
        assertThat(c.closed()).isFalse();
        assertThat(c.link.keepAliveMillis).isEqualTo(90_000);
    }

    @Test
    void closesConnectionOnSecondConnect() {
        EngineHarness.Client c = broker.connected("c1");
        c.send(Connect.of(ProtocolVersion.MQTT_3_1_1, "c1", true, 60));
        c.nothingMore();
        assertThat(c.closed()).isTrue();
    }

    @Test
    void closesConnectionWhenFirstPacketIsNotConnect() {
        EngineHarness.Client c = broker.open().send(Pingreq.INSTANCE);
        c.nothingMore();
        assertThat(c.closed()).isTrue();
    }

    @Test
    void rejectsEmptyClientIdWithoutCleanSessionWithCode2() {
        EngineHarness.Client c = broker.connect(Connect.of(ProtocolVersion.MQTT_3_1_1, "", false, 60));
        assertThat(c.next()).isEqualTo(Connack.refused(Connack.IDENTIFIER_REJECTED));
        assertThat(c.closed()).isTrue();
    }

    @Test
    void assignsAnIdentifierToEmptyClientIdWithCleanSession() {
        EngineHarness.Client c = broker.connect(Connect.of(ProtocolVersion.MQTT_3_1_1, "", true, 60));
        assertThat(c.next()).isEqualTo(Connack.accepted(false));
        assertThat(c.connection.name()).startsWith("auto-");
    }

    @Test
    void rejectsMqtt31ClientIdLongerThan23CharactersWithCode2() {
        EngineHarness.Client c = broker.connect(Connect.of(ProtocolVersion.MQTT_3_1, "a".repeat(24), true, 60));
        assertThat(c.next()).isEqualTo(Connack.refused(Connack.IDENTIFIER_REJECTED));
        assertThat(c.closed()).isTrue();
        EngineHarness.Client ok = broker.connect(Connect.of(ProtocolVersion.MQTT_3_1, "a".repeat(23), true, 60));
        assertThat(ok.next()).isEqualTo(Connack.accepted(false));
    }

    @Test
    void acceptsLongClientIdInMqtt311() {
        EngineHarness.Client c = broker.connect(Connect.of(ProtocolVersion.MQTT_3_1_1, "a".repeat(100), true, 60));
        assertThat(c.next()).isEqualTo(Connack.accepted(false));
    }

    @Test
    void answersUnsupportedProtocolLevelWithCode1ThenCloses() {
        MqttDecoder decoder = new MqttDecoder(DecoderOptions.server());
        byte[] level5 = RawFrame.builder(0x10).utf8("MQTT").u8(5).u8(0x02).u16(60).utf8("c1").build();
        DecodeResult result = decoder.next(ByteBuffer.wrap(level5));
        assertThat(result).isInstanceOf(DecodeResult.Malformed.class);
        EngineHarness.Client c = broker.open().malformed(((DecodeResult.Malformed) result).violation());
        assertThat(c.next()).isEqualTo(Connack.refused(Connack.UNACCEPTABLE_PROTOCOL_VERSION));
        assertThat(c.closed()).isTrue();
    }

    @Test
    void authenticatesAgainstThePasswordTable() {
        EngineHarness auth = EngineHarness.authenticating(Map.of("alice", "secret"));
        Connect base = Connect.of(ProtocolVersion.MQTT_3_1_1, "c1", true, 60);
        EngineHarness.Client none = auth.connect(base);
        assertThat(none.next()).isEqualTo(Connack.refused(Connack.NOT_AUTHORIZED));
        assertThat(none.closed()).isTrue();
        EngineHarness.Client wrong = auth.connect(base.withCredentials("alice", Payload.utf8("nope")));
        assertThat(wrong.next()).isEqualTo(Connack.refused(Connack.BAD_USER_NAME_OR_PASSWORD));
        assertThat(wrong.closed()).isTrue();
        EngineHarness.Client unknown = auth.connect(base.withCredentials("bob", Payload.utf8("secret")));
        assertThat(unknown.next()).isEqualTo(Connack.refused(Connack.BAD_USER_NAME_OR_PASSWORD));
        EngineHarness.Client right = auth.connect(base.withCredentials("alice", Payload.utf8("secret")));
        assertThat(right.next()).isEqualTo(Connack.accepted(false));
        assertThat(right.closed()).isFalse();
    }

    @Test
    void closesOlderConnectionOnTakeover() {
        EngineHarness.Client first = broker.connected("same");
        EngineHarness.Client second = broker.connected("same");
        assertThat(first.closed()).isTrue();
        assertThat(second.closed()).isFalse();
        second.send(Pingreq.INSTANCE);
        assertThat(second.next()).isEqualTo(Pingresp.INSTANCE);
    }

    @Test
    void answersPingreqWithPingresp() {
        EngineHarness.Client c = broker.connected("c1");
        c.send(Pingreq.INSTANCE);
        assertThat(c.next()).isEqualTo(Pingresp.INSTANCE);
    }

    @Test
    void sendsUnsubackEvenForFiltersNotSubscribed() {
        EngineHarness.Client c = broker.connected("c1");
        c.send(new Unsubscribe(9, List.of("never/subscribed")));
        assertThat(c.next()).isEqualTo(new Unsuback(9));
    }

    @Test
    void grantsTheRequestedQosForEveryFilter() {
        EngineHarness.Client c = broker.connected("c1");
        c.send(new dev.mqttkit.codec.packet.Subscribe(3, List.of(
                new dev.mqttkit.codec.packet.Subscription("a", Qos.AT_MOST_ONCE),
                new dev.mqttkit.codec.packet.Subscription("b/+", Qos.AT_LEAST_ONCE),
                new dev.mqttkit.codec.packet.Subscription("c/#", Qos.EXACTLY_ONCE))));
        assertThat(c.next()).isEqualTo(Suback.of(3, 0, 1, 2));
    }

    @Test
    void closesConnectionWhenClientSendsAServerOnlyPacket() {
        EngineHarness.Client c = broker.connected("c1");
        c.send(Connack.accepted(false));
        assertThat(c.closed()).isTrue();
    }

    @Test
    void disarmsKeepAliveForZeroInterval() {
        EngineHarness.Client c = broker.connect(Connect.of(ProtocolVersion.MQTT_3_1_1, "c1", true, 0));
        assertThat(c.next()).isEqualTo(Connack.accepted(false));
        assertThat(c.link.keepAliveMillis).isZero();
    }

    @Test
    void closesOnKeepAliveExpiry() {
        EngineHarness.Client c = broker.connected("c1");
        broker.engine.keepAliveExpired(c.connection);
        assertThat(c.closed()).isTrue();
    }

    @Test
    void closesAConnectionWhoseConnectDoesNotComeInTimeButNotOneThatConnected() {
        EngineHarness.Client late = broker.open();
        broker.engine.connectTimedOut(late.connection);
        assertThat(late.closed()).isTrue();
        EngineHarness.Client c = broker.connected("c1");
        broker.engine.connectTimedOut(c.connection);
        assertThat(c.closed()).isFalse();
        assertThat(broker.logLines).anyMatch(l -> l.endsWith("sent no CONNECT in time, disconnecting."));
    }

    @Test
    void logsConnectionsAndPacketsInMosquittoStyle() {
        EngineHarness.Client c = broker.connect(Connect.of(ProtocolVersion.MQTT_3_1_1, "c1", true, 60)
                .withCredentials("name", null));
        c.send(EngineHarness.publish(Qos.AT_MOST_ONCE, "a/b", 0, "hello world"));
        c.send(dev.mqttkit.codec.packet.Disconnect.INSTANCE);
        assertThat(broker.logLines).map(l -> l.replaceFirst("^\\d+: ", "")).containsSubsequence(
                "New client connected from 127.0.0.1 as c1 (c1, k60, u'name').",
                "Sending CONNACK to c1 (0, 0)",
                "Received PUBLISH from c1 (d0, q0, r0, m0, 'a/b', ... (11 bytes))",
                "Received DISCONNECT from c1",
                "Client c1 disconnected.");
        assertThat(broker.logLines).allMatch(l -> l.matches("\\d+: .*"));
    }
}
