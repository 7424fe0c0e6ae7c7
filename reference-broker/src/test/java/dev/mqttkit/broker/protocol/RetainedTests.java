package dev.mqttkit.broker.protocol;

import static dev.mqttkit.broker.protocol.EngineHarness.publish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import org.junit.jupiter.api.Test;

class RetainedTests {
    private final EngineHarness broker = new EngineHarness();

    private static Publish retained(Qos qos, String topic, String payload) {
        return publish(qos, topic, qos == Qos.AT_MOST_ONCE ? 0 : 1, payload).withRetain(true);
    }

    @Test
    void sendsTheRetainedMessageWithRetainSetOnSubscribe() {
        broker.connected("pub").send(retained(Qos.AT_LEAST_ONCE, "r/t", "v1"));
        EngineHarness.Client sub = broker.connected("sub").subscribe("r/+", Qos.EXACTLY_ONCE);
        Publish p = sub.nextPublish();
        assertThat(p.retain()).isTrue();
        assertThat(p.qos()).isEqualTo(Qos.AT_LEAST_ONCE);
        assertThat(p.payload().asUtf8()).isEqualTo("v1");
    }

    @Test
    void replacesTheRetainedMessage() {
        EngineHarness.Client pub = broker.connected("pub");
        pub.send(retained(Qos.AT_MOST_ONCE, "r", "v1")).send(retained(Qos.AT_MOST_ONCE, "r", "v2"));
        EngineHarness.Client sub = broker.connected("sub").subscribe("r", Qos.AT_MOST_ONCE);
        assertThat(sub.nextPublish().payload().asUtf8()).isEqualTo("v2");
        sub.nothingMore();
    }

    @Test
    void clearsTheRetainedMessageWithAnEmptyPayloadAndStillForwardsIt() {
        EngineHarness.Client live = broker.connected("live").subscribe("r", Qos.AT_MOST_ONCE);
        EngineHarness.Client pub = broker.connected("pub");
        pub.send(retained(Qos.AT_MOST_ONCE, "r", "v1"));
        live.nextPublish();
        pub.send(new Publish(false, Qos.AT_MOST_ONCE, true, "r", 0, Payload.EMPTY));
        assertThat(live.nextPublish().payload().isEmpty()).isTrue();
        EngineHarness.Client sub = broker.connected("sub").subscribe("r", Qos.AT_MOST_ONCE);
        sub.nothingMore();
    }

    @Test
    void doesNotStoreOrReplaceWithRetainClear() {
        EngineHarness.Client pub = broker.connected("pub");
        pub.send(retained(Qos.AT_MOST_ONCE, "r", "kept")).send(publish(Qos.AT_MOST_ONCE, "r", 0, "live"));
        pub.send(publish(Qos.AT_MOST_ONCE, "other", 0, "live"));
        EngineHarness.Client sub = broker.connected("sub").subscribe("#", Qos.AT_MOST_ONCE);
        assertThat(sub.nextPublish().payload().asUtf8()).isEqualTo("kept");
        sub.nothingMore();
    }

    @Test
    void resendsRetainedMessagesWhenASubscriptionIsRepeated() {
        broker.connected("pub").send(retained(Qos.AT_MOST_ONCE, "r", "v"));
        EngineHarness.Client sub = broker.connected("sub").subscribe("r", Qos.AT_MOST_ONCE);
        sub.nextPublish();
        sub.subscribe("r", Qos.AT_LEAST_ONCE);
        assertThat(sub.nextPublish().retain()).isTrue();
    }

    @Test
    void sendsRetainedDollarTopicsOnlyToFiltersNamingThem() {
        broker.connected("pub").send(retained(Qos.AT_MOST_ONCE, "$SYS/x", "s")).send(retained(Qos.AT_MOST_ONCE,
                "a", "n"));
        EngineHarness.Client hash = broker.connected("hash").subscribe("#", Qos.AT_MOST_ONCE);
        assertThat(hash.nextPublish().topic()).isEqualTo("a");
        hash.nothingMore();
        EngineHarness.Client sys = broker.connected("sys").subscribe("$SYS/+", Qos.AT_MOST_ONCE);
        assertThat(sys.nextPublish().topic()).isEqualTo("$SYS/x");
    }
}
