package dev.mqttkit.broker.protocol;

import static dev.mqttkit.broker.protocol.EngineHarness.publish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Pubcomp;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Unsuback;
import dev.mqttkit.codec.packet.Unsubscribe;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryTests {
    private final EngineHarness broker = new EngineHarness();

    @ParameterizedTest(name = "published q{0}, granted q{1} -> delivered q{2}")
    @CsvSource({"0,0,0", "0,2,0", "1,0,0", "1,1,1", "1,2,1", "2,0,0", "2,1,1", "2,2,2"})
    void deliversAtTheLowerOfPublishedAndGrantedQos(int published, int granted, int delivered) {
        EngineHarness.Client sub = broker.connected("sub").subscribe("a/b", Qos.of(granted));
        EngineHarness.Client pub = broker.connected("pub");
        pub.send(publish(Qos.of(published), "a/b", 5, "x"));
        Publish p = sub.nextPublish();
        assertThat(p.qos()).isEqualTo(Qos.of(delivered));
        assertThat(p.packetId() != 0).isEqualTo(delivered > 0);
        sub.nothingMore();
    }

    @Test
    void acknowledgesQos1WithPubackCarryingThePacketId() {
        EngineHarness.Client pub = broker.connected("pub");
        pub.send(publish(Qos.AT_LEAST_ONCE, "t", 77, "x"));
        assertThat(pub.next()).isEqualTo(new Puback(77));
    }

    @Test
    void deliversQos2OnceWhenThePublishIsResentBeforePubrel() {
        EngineHarness.Client sub = broker.connected("sub").subscribe("t", Qos.EXACTLY_ONCE);
        EngineHarness.Client pub = broker.connected("pub");
        pub.send(publish(Qos.EXACTLY_ONCE, "t", 9, "x"));
        assertThat(pub.next()).isEqualTo(new Pubrec(9));
        pub.send(publish(Qos.EXACTLY_ONCE, "t", 9, "x").withDup(true));
        assertThat(pub.next()).isEqualTo(new Pubrec(9));
        pub.send(new Pubrel(9));
        assertThat(pub.next()).isEqualTo(new Pubcomp(9));
        assertThat(sub.nextPublish().topic()).isEqualTo("t");
        sub.nothingMore();
        pub.send(publish(Qos.EXACTLY_ONCE, "t", 9, "y"));
        assertThat(sub.nextPublish().payload().asUtf8()).as("after PUBCOMP the id is new").isEqualTo("y");
    }

    @Test
    void completesOutgoingQos2WithPubrelAfterPubrec() {
        EngineHarness.Client sub = broker.connected("sub").subscribe("t", Qos.EXACTLY_ONCE);
        broker.connected("pub").send(publish(Qos.EXACTLY_ONCE, "t", 1, "x"));
        Publish p = sub.nextPublish();
        sub.send(new Pubrec(p.packetId()));
        assertThat(sub.next()).isEqualTo(new Pubrel(p.packetId()));
        sub.send(new Pubcomp(p.packetId()));
        sub.nothingMore();
    }

    @Test
    void deliversOneCopyAtTheHighestQosForOverlappingSubscriptions() {
        EngineHarness.Client sub = broker.connected("sub").subscribe("a/+", Qos.AT_MOST_ONCE)
                .subscribe("a/#", Qos.EXACTLY_ONCE).subscribe("a/b", Qos.AT_LEAST_ONCE);
        broker.connected("pub").send(publish(Qos.EXACTLY_ONCE, "a/b", 1, "x"));
        assertThat(sub.nextPublish().qos()).isEqualTo(Qos.EXACTLY_ONCE);
        sub.nothingMore();
    }

    @Test
    void doesNotMatchDollarTopicsWithFirstLevelWildcards() {
        EngineHarness.Client hash = broker.connected("hash").subscribe("#", Qos.AT_MOST_ONCE);
        EngineHarness.Client plus = broker.connected("plus").subscribe("+/x", Qos.AT_MOST_ONCE);
        EngineHarness.Client exact = broker.connected("exact").subscribe("$SYS/#", Qos.AT_MOST_ONCE);
        broker.connected("pub").send(publish(Qos.AT_MOST_ONCE, "$SYS/x", 0, "x"));
        hash.nothingMore();
        plus.nothingMore();
        assertThat(exact.nextPublish().topic()).isEqualTo("$SYS/x");
    }

    @Test
    void forwardsWithRetainClearAndDupClear() {
        EngineHarness.Client sub = broker.connected("sub").subscribe("t", Qos.AT_LEAST_ONCE);
        broker.connected("pub").send(new Publish(true, Qos.AT_LEAST_ONCE, true, "t", 4,
                dev.mqttkit.codec.packet.Payload.utf8("x")));
        Publish p = sub.nextPublish();
        assertThat(p.retain()).isFalse();
        assertThat(p.dup()).isFalse();
    }

    @Test
    void stopsDeliveringAfterUnsubscribe() {
        EngineHarness.Client sub = broker.connected("sub").subscribe("t", Qos.AT_MOST_ONCE);
        sub.send(new Unsubscribe(2, List.of("t")));
        assertThat(sub.next()).isEqualTo(new Unsuback(2));
        broker.connected("pub").send(publish(Qos.AT_MOST_ONCE, "t", 0, "x"));
        sub.nothingMore();
    }

    @Test
    void keepsPublisherOrderPerSubscriber() {
        EngineHarness.Client sub = broker.connected("sub").subscribe("t/#", Qos.AT_LEAST_ONCE);
        EngineHarness.Client pub = broker.connected("pub");
        for (int i = 1; i <= 50; i++) {
            pub.send(publish(Qos.of(i % 3 == 0 ? 0 : 1), "t/" + (i % 2), i, "m" + i));
        }
        for (int i = 1; i <= 50; i++) {
            Publish p = sub.nextPublish();
            assertThat(p.payload().asUtf8()).isEqualTo("m" + i);
            if (p.qos() != Qos.AT_MOST_ONCE) {
                sub.send(new Puback(p.packetId()));
            }
        }
    }

    @Test
    void holdsMessagesBeyondTheInflightWindowUntilAcknowledged() {
        EngineHarness limited = EngineHarness.limited(2, 1000);
        EngineHarness.Client sub = limited.connected("sub").subscribe("t", Qos.AT_LEAST_ONCE);
        EngineHarness.Client pub = limited.connected("pub");
        for (int i = 1; i <= 4; i++) {
            pub.send(publish(Qos.AT_LEAST_ONCE, "t", i, "m" + i));
        }
        Publish first = sub.nextPublish();
        sub.nextPublish();
        sub.nothingMore();
        sub.send(new Puback(first.packetId()));
        assertThat(sub.nextPublish().payload().asUtf8()).isEqualTo("m3");
        sub.nothingMore();
    }

    @Test
    void dropsNewestMessagesWhenTheQueueIsFull() {
        EngineHarness limited = EngineHarness.limited(1, 2);
        EngineHarness.Client sub = limited.connected("sub").subscribe("t", Qos.AT_LEAST_ONCE);
        EngineHarness.Client pub = limited.connected("pub");
        for (int i = 1; i <= 6; i++) {
            pub.send(publish(Qos.AT_LEAST_ONCE, "t", i, "m" + i));
        }
        StringBuilder got = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            Publish p = sub.nextPublish();
            got.append(p.payload().asUtf8()).append(' ');
            sub.send(new Puback(p.packetId()));
        }
        sub.nothingMore();
        assertThat(got.toString().trim()).isEqualTo("m1 m2 m3");
        assertThat(limited.logLines).anyMatch(l -> l.contains("Outgoing messages are being dropped for client sub"));
    }

    @Test
    void queuesWhileTheConnectionIsNotWritableAndSendsWhenItIs() {
        EngineHarness.Client sub = broker.connected("sub").subscribe("t", Qos.AT_MOST_ONCE);
        sub.link.writable = false;
        EngineHarness.Client pub = broker.connected("pub");
        pub.send(publish(Qos.AT_MOST_ONCE, "t", 0, "a")).send(publish(Qos.AT_MOST_ONCE, "t", 0, "b"));
        sub.nothingMore();
        sub.link.writable = true;
        broker.engine.writable(sub.connection);
        assertThat(sub.nextPublish().payload().asUtf8()).isEqualTo("a");
        assertThat(sub.nextPublish().payload().asUtf8()).isEqualTo("b");
    }
}
