package dev.mqttkit.conformance.clientside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Qos;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriverCommandTests {

    @Test
    void splitsACommandLineTheWayAShellSplitsASimpleCommand() {
        assertThat(DriverCommand.parse("java -jar '/opt/my drivers/d.jar'  --x \"a b\" c\\ d").words())
                .containsExactly("java", "-jar", "/opt/my drivers/d.jar", "--x", "a b", "c d");
        assertThat(DriverCommand.parse("node ''").words()).containsExactly("node", "");
    }

    @Test
    void refusesAnEmptyCommandOrAnUnterminatedQuote() {
        assertThatThrownBy(() -> DriverCommand.parse("   ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> DriverCommand.parse("node 'driver.mjs")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unterminated");
    }

    @Test
    void appendsTheOptionsOfTheContractInTheirDocumentedSpelling() {
        DriverOptions o = DriverOptions.of("tcp://127.0.0.1:1", "id", "p", ProtocolVersion.MQTT_3_1)
                .qos(Qos.EXACTLY_ONCE).keepAlive(5).cleanSession(false)
                .will(new DriverOptions.WillOption("p/w", "bye", Qos.AT_LEAST_ONCE, true)).credentials("u", "pw");
        List<String> argv = DriverCommand.parse("drv").with(o);
        assertThat(argv).containsExactly("drv", "--url", "tcp://127.0.0.1:1", "--client-id", "id", "--prefix", "p",
                "--qos", "2", "--keep-alive", "5", "--clean-session", "false", "--protocol", "3.1",
                "--will-topic", "p/w", "--will-message", "bye", "--will-qos", "1", "--will-retain", "true",
                "--username", "u", "--password", "pw");
    }
}
