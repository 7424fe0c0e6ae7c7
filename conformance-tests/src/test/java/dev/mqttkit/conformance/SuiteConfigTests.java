package dev.mqttkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.contract.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuiteConfigTests {

    @Test
    void systemPropertyWinsOverEnvironmentVariable() {
        SuiteConfig c = SuiteConfig.from(new Settings(Map.of("mqtt.broker", "tcp://a:1")::get,
                Map.of("MQTT_BROKER", "tcp://b:2", "MQTT_TIMEOUT_SCALE", "2.5")));
        assertThat(c.broker()).isEqualTo("tcp://a:1");
        assertThat(c.timeoutScale()).isEqualTo(2.5);
    }

    @Test
    void defaultsToBothVersionsAShortRandomPrefixAndTheReportsFolder() {
        SuiteConfig c = SuiteConfig.from(new Settings(k -> null, Map.of()));
        assertThat(c.versions()).containsExactly(ProtocolVersion.MQTT_3_1, ProtocolVersion.MQTT_3_1_1);
        assertThat(c.prefix()).hasSize(5);
        assertThat(c.reportDir()).isEqualTo("reports");
        assertThat(c.broker()).isNull();
    }

    @Test
    void onlySelectsTestsByStatementGlobs() {
        SuiteConfig c = SuiteConfig.from(new Settings(Map.of("mqtt.only", "MQTT-3.3*,MQTT-4.7.?-1")::get, Map.of()));
        assertThat(c.selects(List.of("MQTT-3.3.1-9"))).isTrue();
        assertThat(c.selects(List.of("MQTT-4.7.2-1"))).isTrue();
        assertThat(c.selects(List.of("MQTT-3.1.0-2", "MQTT-4.7.2-2"))).isFalse();
    }
}
