package dev.mqttkit.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.codec.RawFrame;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Disconnect;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Will;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BrokerSocketIT {
    private final LogLines log = new LogLines();
    private ReferenceBroker broker;

    private int start(BrokerConfig config) throws IOException {
        broker = ReferenceBroker.start(config.withLog(log));
        return broker.port();
    }

    private int start() throws IOException {
        return start(BrokerConfig.defaults());
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void startsOnAnEphemeralPortAndStopsIdempotently() throws IOException {
        int port = start();
        assertThat(port).isPositive();
        assertThat(broker.address().getAddress().isLoopbackAddress()).isTrue();
        TestClient c = TestClient.connected(port, "c1");
        broker.close();
        c.expectClosed();
        broker.close();
    }

    @Test
    void startsWellUnder300Milliseconds() throws IOException {
        start();
        broker.close();
        long begin = System.nanoTime();
        ReferenceBroker second = ReferenceBroker.start(BrokerConfig.defaults());
        long millis = (System.nanoTime() - begin) / 1_000_000;
        second.close();
        assertThat(millis).as("start-up in ms").isLessThan(300);
    }

    @Test
    void servesMqtt31AndMqtt311OnOnePort() throws IOException {
        int port = start();
        try (TestClient old = TestClient.connected(port, Connect.of(ProtocolVersion.MQTT_3_1, "old", true, 60));
             TestClient modern = TestClient.connected(port, "new")) {
            old.subscribe("t/+", Qos.AT_LEAST_ONCE);
            modern.send(Publish.of(Qos.AT_LEAST_ONCE, "t/x", 1, Payload.utf8("hello")));
            assertThat(modern.take()).isEqualTo(new Puback(1));
            Publish p = old.expectPublish();
            assertThat(p.payload().asUtf8()).isEqualTo("hello");
            old.send(new Puback(p.packetId()));
            old.fence();
        }
        List<String> lines = log.snapshot();
        assertThat(lines).anyMatch(l -> l.matches("\\d+: New connection from 127\\.0\\.0\\.1 on port " + port + "\\."));
        assertThat(lines).anyMatch(l -> l.matches("\\d+: Received PUBLISH from new \\(d0, q1, r0, m1, 't/x', "
                + "\\.\\.\\. \\(5 bytes\\)\\)"));
    }

    @Test
    void answersUnsupportedProtocolLevelWithConnack1AndCloses() throws IOException {
        int port = start();
        try (TestClient c = TestClient.open(port, ProtocolVersion.MQTT_3_1_1)) {
            c.sendRaw(RawFrame.builder(0x10).utf8("MQTT").u8(3).u8(0x02).u16(60).utf8("c1").build());
            assertThat(c.take()).isEqualTo(Connack.refused(Connack.UNACCEPTABLE_PROTOCOL_VERSION));
            c.expectClosed();
        }
    }

    @Test
    void closesConnectionOnSecondConnect() throws IOException {
        int port = start();
        try (TestClient c = TestClient.connected(port, "c1")) {
            c.send(Connect.of(ProtocolVersion.MQTT_3_1_1, "c1", true, 60));
            c.expectClosed();
        }
    }

    @Test
    void closesAfterOneAndAHalfKeepAlivesAndPublishesTheWill() throws IOException {
        int port = start();
        try (TestClient watcher = TestClient.connected(port, "watcher").subscribe("will", Qos.AT_MOST_ONCE);
             TestClient silent = TestClient.connected(port, Connect.of(ProtocolVersion.MQTT_3_1_1, "silent", true, 1)
                     .withWill(new Will("will", Payload.utf8("bye"), Qos.AT_MOST_ONCE, false)))) {
            long begin = System.nanoTime();
            silent.expectClosed(Duration.ofMillis(1500 + 1500));
            long millis = (System.nanoTime() - begin) / 1_000_000;
            assertThat(millis).as("ms until the silent client was closed").isGreaterThanOrEqualTo(1400);
            assertThat(watcher.expectPublish().payload().asUtf8()).isEqualTo("bye");
        }
    }

    @Test
    void keepsAClientThatPingsWithinTheKeepAlive() throws IOException {
        int port = start();
        try (TestClient c = TestClient.connected(port, Connect.of(ProtocolVersion.MQTT_3_1_1, "pinger", true, 1))) {
            for (int i = 0; i < 3; i++) {
                assertThat(c.poll(Duration.ofMillis(700))).isEmpty();
                c.fence();
            }
            assertThat(c.isClosed()).isFalse();
        }
    }

    @Test
    void closesOnAHugeClaimedLengthWithoutHarmingOthers() throws IOException {
        int port = start();
        try (TestClient other = TestClient.connected(port, "other");
             TestClient abuser = TestClient.connected(port, "abuser")) {
            abuser.sendRaw(new byte[] {0x30, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F});
            abuser.expectClosed();
            other.fence();
        }
        assertThat(log.snapshot()).anyMatch(l -> l.contains("LIMIT-max-packet-size"));
    }

    @Test
    void closesConnectionsBeyondMaxConnections() throws IOException {
        int port = start(BrokerConfig.defaults().withMaxConnections(2));
        try (TestClient a = TestClient.connected(port, "a"); TestClient b = TestClient.connected(port, "b")) {
            try (TestClient third = TestClient.open(port, ProtocolVersion.MQTT_3_1_1)) {
                third.expectClosed();
            }
            a.send(Disconnect.INSTANCE);
            a.expectClosed();
            try (TestClient again = reconnectWhenSlotFree(port)) {
                again.fence();
            }
            b.fence();
        }
    }

    /** The freed slot is counted when the broker sees the close, a moment after the client does. */
    private static TestClient reconnectWhenSlotFree(int port) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            TestClient c = TestClient.open(port, ProtocolVersion.MQTT_3_1_1);
            c.send(Connect.of(ProtocolVersion.MQTT_3_1_1, "again", true, 60));
            if (c.poll(TestClient.WAIT).isPresent()) {
                return c;
            }
            c.close();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no connection slot freed within 5 s");
            }
        }
    }

    @Test
    void closesAConnectionThatSendsNoConnectInTime() throws IOException {
        int port = start(BrokerConfig.defaults().withConnectTimeoutMillis(300));
        try (TestClient c = TestClient.open(port, ProtocolVersion.MQTT_3_1_1)) {
            c.expectClosed(Duration.ofSeconds(3));
        }
    }

    @Test
    void staysResponsiveAndDropsWhileASubscriberDoesNotRead() throws IOException {
        int port = start(BrokerConfig.defaults().withMaxQueuedMessages(100));
        try (java.net.Socket stuck = new java.net.Socket()) {
            stuck.setReceiveBufferSize(4096);
            stuck.connect(new java.net.InetSocketAddress("127.0.0.1", port));
            dev.mqttkit.codec.MqttEncoder enc = dev.mqttkit.codec.MqttEncoder.of(ProtocolVersion.MQTT_3_1_1);
            stuck.getOutputStream().write(enc.encode(Connect.of(ProtocolVersion.MQTT_3_1_1, "stuck", true, 0)));
            stuck.getOutputStream().write(enc.encode(dev.mqttkit.codec.packet.Subscribe.of(1, "flood",
                    Qos.AT_LEAST_ONCE)));
            try (TestClient pub = TestClient.connected(port, "pub");
                 TestClient other = TestClient.connected(port, "other")) {
                pub.send(Publish.qos0("flood", Payload.EMPTY));
                pub.fence(); // the SUBSCRIBE, sent before, has been handled
                byte[] body = new byte[1024];
                for (int i = 0; i < 3000; i++) {
                    pub.send(Publish.of(Qos.AT_LEAST_ONCE, "flood", 1 + i, Payload.of(body)));
                    assertThat(pub.take()).isEqualTo(new Puback(1 + i));
                }
                other.fence();
            }
        }
        assertThat(log.snapshot()).anyMatch(l -> l.contains("Outgoing messages are being dropped for client stuck"));
    }
}
