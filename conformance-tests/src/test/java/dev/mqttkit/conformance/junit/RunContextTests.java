package dev.mqttkit.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.conformance.SuiteConfig;
import dev.mqttkit.contract.Settings;
import dev.mqttkit.contract.TargetFacts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunContextTests {

    @Test
    void namesTheEmbeddedReferenceBrokerWithItsVersion() {
        try (RunContext run = new RunContext(SuiteConfig.from(new Settings(k -> null, Map.of())))) {
            TargetFacts target = run.targetFacts();

            assertThat(run.targetError()).isNull();
            assertThat(target.name()).isEqualTo("reference-broker");
            assertThat(target.broker()).matches("mqttkit reference broker( \\d+\\.\\d+\\.\\d+\\S*)?");
        }
    }

    @Test
    void explainsWhyAUrlTargetCannotBeReachedAndStillDescribesIt() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "tcp://127.0.0.1:" + port;
        try (RunContext run = new RunContext(broker(url))) {
            TargetFacts target = run.targetFacts();

            assertThat(run.targetError()).startsWith("cannot connect to the broker at " + url + ": ")
                    .containsIgnoringCase("connection refused");
            assertThat(target.url()).isEqualTo(url);
            assertThat(target.broker()).isNull();
        }
    }

    @Test
    void reportsATargetThatCannotStartAsItsError() {
        try (RunContext run = new RunContext(broker("http://x:1"))) {
            assertThat(run.targetError()).contains("tcp://HOST[:PORT]", "http://x:1");
        }
    }

    private static SuiteConfig broker(String url) {
        return SuiteConfig.from(new Settings(Map.of("mqtt.broker", url)::get, Map.of()));
    }
}
