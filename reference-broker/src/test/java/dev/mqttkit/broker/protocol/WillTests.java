package dev.mqttkit.broker.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.Rule;
import dev.mqttkit.codec.Violation;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Disconnect;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Will;
import org.junit.jupiter.api.Test;

class WillTests {
    private final EngineHarness broker = new EngineHarness();

    private EngineHarness.Client withWill(boolean retain) {
        EngineHarness.Client c = broker.connect(Connect.of(ProtocolVersion.MQTT_3_1_1, "dying", true, 60)
                .withWill(new Will("will/t", Payload.utf8("gone"), Qos.AT_LEAST_ONCE, retain)));
        assertThat(c.next()).isEqualTo(Connack.accepted(false));
        return c;
    }

    @Test
    void publishesTheWillWhenTheConnectionDropsWithoutDisconnect() {
        EngineHarness.Client sub = broker.connected("sub").subscribe("will/#", Qos.EXACTLY_ONCE);
        withWill(false).drop();
        Publish p = sub.nextPublish();
        assertThat(p.topic()).isEqualTo("will/t");
        assertThat(p.qos()).isEqualTo(Qos.AT_LEAST_ONCE);
        assertThat(p.retain()).isFalse();
        assertThat(p.payload().asUtf8()).isEqualTo("gone");
    }

    @Test
    void doesNotPublishTheWillAfterDisconnect() {
        EngineHarness.Client sub = broker.connected("sub").subscribe("will/#", Qos.EXACTLY_ONCE);
        EngineHarness.Client c = withWill(false);
        c.send(Disconnect.INSTANCE);
        c.drop();
        sub.nothingMore();
    }

    @Test
    void publishesTheWillOnKeepAliveExpiry() {
        EngineHarness.Client sub = broker.connected("sub").subscribe("will/#", Qos.AT_MOST_ONCE);
        EngineHarness.Client c = withWill(false);
        broker.engine.keepAliveExpired(c.connection);
        assertThat(sub.nextPublish().topic()).isEqualTo("will/t");
    }

    @Test
    void publishesTheWillWhenClosingForAProtocolViolation() {
        EngineHarness.Client sub = broker.connected("sub").subscribe("will/#", Qos.AT_MOST_ONCE);
        EngineHarness.Client c = withWill(false);
        c.malformed(new Violation(Rule.TOPIC_NAME_WILDCARD, "MQTT-3.3.2-2", 4, "MQTT-3.3.2-2: wildcard"));
        assertThat(c.closed()).isTrue();
        assertThat(sub.nextPublish().topic()).isEqualTo("will/t");
    }

    @Test
    void retainsAWillWithWillRetain() {
        withWill(true).drop();
        EngineHarness.Client late = broker.connected("late").subscribe("will/t", Qos.AT_LEAST_ONCE);
        Publish p = late.nextPublish();
        assertThat(p.retain()).isTrue();
        assertThat(p.payload().asUtf8()).isEqualTo("gone");
    }

    @Test
    void doesNotPublishTheWillOfAConnectionTakenOver() {
        EngineHarness.Client sub = broker.connected("sub").subscribe("will/#", Qos.AT_MOST_ONCE);
        EngineHarness.Client first = withWill(false);
        broker.connected("dying");
        broker.engine.closed(first.connection);
        sub.nothingMore();
    }
}
