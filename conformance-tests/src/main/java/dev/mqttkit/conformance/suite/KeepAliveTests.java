package dev.mqttkit.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Pingreq;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.Closure;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.Connected;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.MqttTest;
import dev.mqttkit.conformance.junit.Statements;
import java.time.Duration;

/** Keep alive and PINGREQ (MQTT 3.1.1 sections 3.1.2.10 and 3.12). */
@ConformanceTest
class KeepAliveTests {

    @MqttTest
    @Statements({"MQTT-3.12.4-1"})
    void answersEveryPingreqWithPingresp(@Connected ScriptedClient c) {
        for (int i = 0; i < 3; i++) {
            c.send(Pingreq.INSTANCE);
            c.expect(Match.pingresp());
        }
    }

    @MqttTest
    @Statements({"MQTT-3.1.2-24", "MQTTv3.1-2.2-7"})
    void disconnectsClientSilentForOneAndAHalfKeepAliveIntervals(Harness mqtt) {
        ScriptedClient c = mqtt.client("silent");
        c.connect(c.connectPacket(true, 1));
        long start = System.nanoTime();
        // 1.5 s is the limit; brokers check deadlines on a timer of about a second, so 1.5 s of grace (scaled).
        Duration limit = mqtt.timeouts().scaled(Duration.ofMillis(3000));
        Closure closure = c.awaitClosure(limit);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(closure.before()).as("packets before the keep-alive closure").isEmpty();
        assertThat(closure.closed()).as("closed a client silent for %d ms with keep alive 1 s", limit.toMillis())
                .isTrue();
        assertThat(millis).as("closed no earlier than the keep-alive interval itself").isGreaterThanOrEqualTo(900);
        mqtt.observed("closed the connection after " + millis + " ms of silence");
    }

    @MqttTest
    @Statements({"MQTT-3.1.2-24"})
    void keepsClientThatPingsWithinItsKeepAlive(Harness mqtt) {
        ScriptedClient c = mqtt.client("pinging");
        Connack ack = c.connect(c.connectPacket(true, 1));
        assertThat(ack.returnCode()).isZero();
        for (int i = 0; i < 3; i++) {
            assertThat(c.takePacket(mqtt.timeouts().scaled(Duration.ofMillis(600)))).as("nothing while idle").isEmpty();
            c.send(Pingreq.INSTANCE);
            c.expect(Match.pingresp());
        }
    }
}
