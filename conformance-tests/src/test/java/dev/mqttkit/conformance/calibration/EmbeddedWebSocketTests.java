package dev.mqttkit.conformance.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.conformance.target.EmbeddedTarget;
import dev.mqttkit.contract.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A slice of the suite over {@code ws://} against the reference broker in this JVM ({@code mqtt.broker=embedded+ws}):
 * CONNECT, PUBLISH and the tests of chapter 6, which run here and must pass like everything else on the broker the
 * suite is calibrated against. {@code StandaloneWebSocketIT} runs the whole suite over WebSocket.
 */
class EmbeddedWebSocketTests {
    static final String SLICE = "MQTT-6.*,MQTT-3.1.*,MQTT-3.3.*";

    @Test
    void passesASliceOfTheSuiteWithTheTestsOfChapter6() {
        List<SuiteRun.Result> results = SuiteRun.run(Map.of("mqtt.broker", EmbeddedTarget.OVER_WEBSOCKET,
                "mqtt.only", SLICE, "mqtt.target.name", "calibration-embedded-ws"), false);

        assertThat(results).as("tests run").hasSizeGreaterThan(80)
                .allMatch(r -> r.verdict() == Verdict.PASS, "PASS");
        assertThat(results).filteredOn(r -> r.key().startsWith("WebSocketTests#")).as("tests of chapter 6")
                .extracting(SuiteRun.Result::version).containsOnly("3.1", "3.1.1").hasSize(13);
    }

    @Test
    void skipsTheTestsOfChapter6OverTcp() {
        List<SuiteRun.Result> results = SuiteRun.run(Map.of("mqtt.only", "MQTT-6.*",
                "mqtt.target.name", "calibration-embedded-tcp"), false);

        assertThat(results).as("tests of chapter 6").hasSize(13)
                .allMatch(r -> r.verdict() == Verdict.NOT_APPLICABLE, "NOT_APPLICABLE")
                .allMatch(r -> r.reason().contains("ws:// and wss://"), "saying why");
    }
}
