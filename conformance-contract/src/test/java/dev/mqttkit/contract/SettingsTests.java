package dev.mqttkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a setting's value comes from: property, then environment, then default; blank counts as unset. */
class SettingsTests {

    @Test
    void propertyWinsOverEnvironmentWhichWinsOverDefault() {
        Map<String, String> props = Map.of("mqtt.broker", "tcp://a:1", "mqtt.prefix", "  ");
        Settings s = new Settings(props::get, Map.of("MQTT_BROKER", "tcp://b:2", "MQTT_PREFIX", "envp",
                "MQTT_TIMEOUT_SCALE", ""));

        assertThat(s.get(Setting.BROKER)).isEqualTo("tcp://a:1");
        assertThat(s.get(Setting.PREFIX)).isEqualTo("envp");
        assertThat(s.get(Setting.TIMEOUT_SCALE)).isEqualTo("1");
        assertThat(s.given(Setting.TIMEOUT_SCALE)).isEmpty();
        assertThat(s.get(Setting.IMAGE)).isNull();
    }

    @Test
    void environmentVariablesAreThePropertiesInUpperCase() {
        assertThat(Setting.TRUSTSTORE_PASSWORD.environmentVariable()).isEqualTo("MQTT_TRUSTSTORE_PASSWORD");
        assertThat(Setting.values()).extracting(Setting::property).doesNotHaveDuplicates()
                .allMatch(p -> p.startsWith("mqtt."));
    }
}
