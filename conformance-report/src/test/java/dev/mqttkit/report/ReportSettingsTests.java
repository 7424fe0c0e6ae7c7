package dev.mqttkit.report;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportSettingsTests {

    @Test
    void systemPropertyWinsOverEnvironmentWhichWinsOverDefault() {
        Map<String, String> env = Map.of("MQTT_REPORT_DIR", "/env/reports", "MQTT_TARGET_NAME", "env-target");

        assertThat(new ReportSettings(k -> k.equals("mqtt.report.dir") ? "/prop/reports" : null, env).reportDir())
                .isEqualTo(Path.of("/prop/reports"));
        assertThat(new ReportSettings(k -> null, env).reportDir()).isEqualTo(Path.of("/env/reports"));
        assertThat(new ReportSettings(k -> null, env).fallbackTargetName()).isEqualTo("env-target");
        assertThat(new ReportSettings(k -> " ", Map.of()).reportDir()).isEqualTo(Path.of("reports"));
        assertThat(new ReportSettings(k -> null, Map.of()).fallbackTargetName()).isEqualTo("unknown-target");
    }

    @Test
    void targetFolderNamesAreSafeInPathsAndUrls() {
        assertThat(ReportWriter.folderName("eclipse-mosquitto_2.0.18")).isEqualTo("eclipse-mosquitto_2.0.18");
        assertThat(ReportWriter.folderName("host:1883/../x y")).isEqualTo("host_1883_.._x_y");
        assertThat(ReportWriter.folderName("..")).isEqualTo("_..");
    }
}
