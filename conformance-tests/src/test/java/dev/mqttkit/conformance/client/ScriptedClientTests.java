package dev.mqttkit.conformance.client;

import dev.mqttkit.contract.TranscriptEvent;
import dev.mqttkit.contract.TranscriptEvent.Direction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Pingreq;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScriptedClientTests {
    private static final String CONNACK_OK = "20 02 00 00";
    private static final String PINGRESP = "d0 00";
    private static final String PUBLISH_QOS0 = "30 06 00 03 61 2f 62 78";

    private FakeBroker broker;
    private final Transcript transcript = new Transcript();
    private ScriptedClient client;

    @BeforeEach
    void start() throws Exception {
        broker = new FakeBroker();
        Timeouts timeouts = Timeouts.scaledBy(0.2);
        client = new ScriptedClient("c", "id1", ProtocolVersion.MQTT_3_1_1, new ClientContext(broker.endpoint(),
                transcript, timeouts, ClientContext.Credentials.NONE, DeliveryListener.NONE,
                new DeliveryLatency(timeouts)));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        broker.close();
    }

    @Test
    void connectSendsTheDefaultConnectAndReturnsTheConnack() throws Exception {
        broker.reply(CONNACK_OK);
        Connack ack = client.connect();
        assertThat(ack.returnCode()).isZero();
        assertThat(broker.nextReceived()).startsWith(0x10);
        assertThat(transcript.events()).extracting(TranscriptEvent::dir)
                .containsSubsequence(Direction.OUT, Direction.IN);
    }

    @Test
    void takePacketIsEmptyWhenNothingArrivesInTime() {
        broker.reply(CONNACK_OK);
        client.connect();
        assertThat(client.takePacket(Duration.ofMillis(50))).isEmpty();
    }

    @Test
    void expectNothingFailsWhenAPacketArrivesBeforeTheFence() {
        broker.reply(CONNACK_OK).reply(PUBLISH_QOS0 + " " + PINGRESP);
        client.connect();
        assertThatThrownBy(client::expectNothing).isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected nothing but received PUBLISH");
        assertThat(transcript.events()).anyMatch(TranscriptEvent::failed);
    }

    @Test
    void expectNothingPassesWhenOnlyThePingrespArrives() {
        broker.reply(CONNACK_OK).reply(PINGRESP);
        client.connect();
        client.expectNothing();
    }

    @Test
    void malformedBrokerOutputBecomesAViolationNotACrash() {
        broker.reply(CONNACK_OK).reply("20 02 00 07");
        client.connect();
        client.send(Pingreq.INSTANCE);
        assertThatThrownBy(() -> client.expect(Match.pingresp())).isInstanceOf(AssertionError.class)
                .hasMessageContaining("malformed CONNACK").hasMessageContaining("MQTT-3.2.2.3");
        assertThat(transcript.events()).anyMatch(e -> !e.violations().isEmpty());
    }

    @Test
    void expectClosedPassesWhenTheBrokerClosesAndFailsWhenItAnswers() {
        broker.reply(CONNACK_OK).reply("close");
        client.connect();
        client.send(Pingreq.INSTANCE);
        client.expectClosed();
        assertThat(transcript.events()).anyMatch(e -> e.dir() == Direction.EVENT
                && e.summary().equals("connection closed by the broker"));
    }

    @Test
    void expectClosedTakesADisconnectFromTheBrokerAsAnnouncingTheClose() {
        broker.reply(CONNACK_OK).reply("e0 00 close");
        client.connect();
        client.send(Pingreq.INSTANCE);
        client.expectClosed();
        assertThat(transcript.events()).anyMatch(e -> e.dir() == Direction.IN && e.summary().equals("DISCONNECT"));
    }

    @Test
    void expectClosedFailsWhenTheBrokerAnswersInstead() {
        broker.reply(CONNACK_OK).reply(PINGRESP);
        client.connect();
        client.send(Pingreq.INSTANCE);
        assertThatThrownBy(client::expectClosed).hasMessageContaining("received PINGRESP");
    }

    @Test
    void verifyNothingUnexpectedReportsPacketsNeverTaken() {
        broker.reply(CONNACK_OK + " " + PUBLISH_QOS0);
        client.connect();
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        AssertionError reported = null;
        while (reported == null && System.nanoTime() < deadline) {
            try {
                client.verifyNothingUnexpected();
                Thread.onSpinWait();
            } catch (AssertionError e) {
                reported = e;
            }
        }
        assertThat(reported).as("the PUBLISH nobody took is reported").isNotNull();
        assertThat(reported).hasMessageContaining("unexpected PUBLISH");
    }

    @Test
    void transcriptRecordsHexAndSummaryOfEveryPacket() {
        broker.reply(CONNACK_OK);
        client.connect();
        assertThat(transcript.events()).filteredOn(e -> e.dir() == Direction.IN).first()
                .satisfies(e -> {
                    assertThat(e.hex()).isEqualTo(CONNACK_OK);
                    assertThat(e.summary()).isEqualTo("CONNACK (0, 0)");
                    assertThat(e.conn()).isEqualTo("c");
                });
    }
}
