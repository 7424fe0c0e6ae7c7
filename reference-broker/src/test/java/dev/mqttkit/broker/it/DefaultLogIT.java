package dev.mqttkit.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Without {@code -v} (the runnable broker's default), the log says what was refused, dropped or went wrong, one line
 * each, and nothing about connections that went well.
 */
class DefaultLogIT {
    private final LogLines log = new LogLines();
    private ReferenceBroker broker;

    private int start(BrokerConfig config) throws IOException {
        broker = ReferenceBroker.start(config.withEventLog(log));
        return broker.port();
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void logsRefusedConnectionsAndNothingAboutAcceptedOnes() throws Exception {
        int port = start(BrokerConfig.defaults().withMaxConnections(2).withPasswords(Map.of("alice", "secret")));
        try (TestClient ok = TestClient.connected(port, Connect.of(ProtocolVersion.MQTT_3_1_1, "ok", true, 60)
                .withCredentials("alice", Payload.utf8("secret")))) {
            try (TestClient wrong = TestClient.open(port, ProtocolVersion.MQTT_3_1_1)) {
                wrong.send(Connect.of(ProtocolVersion.MQTT_3_1_1, "wrong", true, 60)
                        .withCredentials("alice", Payload.utf8("guess")));
                assertThat(wrong.take()).isEqualTo(Connack.refused(Connack.BAD_USER_NAME_OR_PASSWORD));
                wrong.expectClosed();
            }
            log.await("Refused connection from 127.0.0.1: ", Duration.ofSeconds(5));
            try (TestClient second = TestClient.open(port, ProtocolVersion.MQTT_3_1_1);
                 TestClient third = TestClient.open(port, ProtocolVersion.MQTT_3_1_1)) {
                log.await("Connection limit of 2 reached, refusing 127.0.0.1.", Duration.ofSeconds(5));
                third.expectClosed();
                assertThat(second.isClosed()).as("the connection within the limit").isFalse();
            }
            ok.fence();
        }
        assertThat(log.snapshot()).allMatch(l -> l.matches("\\d+: .*"))
                .noneMatch(l -> l.contains("New connection") || l.contains("New client") || l.contains("PINGREQ"));
    }

    @Test
    void logsKeepAliveCloses() throws Exception {
        int port = start(BrokerConfig.defaults());
        Connect connect = Connect.of(ProtocolVersion.MQTT_3_1_1, "silent", true, 1);
        try (TestClient silent = TestClient.connected(port, connect)) {
            silent.expectClosed();
        }
        log.await("Client silent has exceeded timeout, disconnecting.", Duration.ofSeconds(5));
    }

    @Test
    void logsSocketErrors() throws Exception {
        int port = start(BrokerConfig.defaults());
        TestClient reset = TestClient.connected(port, "reset");
        reset.resetConnection();
        log.await("Socket error on client reset: ", Duration.ofSeconds(5));
    }

    @Test
    void logsDroppedMessages() throws Exception {
        int port = start(BrokerConfig.defaults().withMaxQueuedMessages(10));
        try (TestClient pub = TestClient.connected(port, "pub");
             StalledSubscriber slow = StalledSubscriber.connect(port, "slow", 0, "gone/slow", "flood")) {
            StalledSubscriber.floodUntilLogged(pub, "flood", log,
                    "Outgoing messages are being dropped for client slow");
            try (TestClient reader = slow.resumeReading()) {
                while (reader.poll(Duration.ofSeconds(1)).isPresent()) {
                    continue; // what the broker held for it
                }
                reader.fence();
            }
        }
        assertThat(log.snapshot()).filteredOn(l -> l.contains("dropped")).hasSize(1);
    }
}
