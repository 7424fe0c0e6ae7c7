package dev.mqttkit.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mqttkit.conformance.SuiteConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunContextTests {

    @Test
    void namesTheEmbeddedReferenceBrokerWithItsVersion() throws IOException {
        try (RunContext run = new RunContext(SuiteConfig.from(k -> null, Map.of()))) {
            JsonNode target = new ObjectMapper().readTree(run.targetJson());

            assertThat(run.targetError()).isNull();
            assertThat(target.get("name").asText()).isEqualTo("reference-broker");
            assertThat(target.get("broker").asText()).matches("mqttkit reference broker( \\d+\\.\\d+\\.\\d+\\S*)?");
        }
    }

    @Test
    void explainsWhyAUrlTargetCannotBeReachedAndStillDescribesIt() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "tcp://127.0.0.1:" + port;
        try (RunContext run = new RunContext(SuiteConfig.from(Map.of("mqtt.broker", url)::get, Map.of()))) {
            JsonNode target = new ObjectMapper().readTree(run.targetJson());

            assertThat(run.targetError()).startsWith("cannot connect to the broker at " + url + ": ")
                    .containsIgnoringCase("connection refused");
            assertThat(target.get("url").asText()).isEqualTo(url);
            assertThat(target.get("broker").isNull()).isTrue();
        }
    }

    @Test
    void reportsATargetThatCannotStartAsItsError() {
        try (RunContext run = new RunContext(SuiteConfig.from(Map.of("mqtt.broker", "http://x:1")::get, Map.of()))) {
            assertThat(run.targetError()).contains("tcp://host:port or ssl://host:port", "http://x:1");
        }
    }
}
