package dev.mqttkit.broker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTests {
    @TempDir
    Path dir;

    private BrokerConfig read(String... lines) throws IOException, ConfigException {
        Path file = dir.resolve("broker.conf");
        Files.write(file, List.of(lines));
        return ConfigFile.read(file, BrokerConfig.defaults());
    }

    @Test
    void readsListenersLimitsAndPasswords() throws Exception {
        Files.write(dir.resolve("passwords"), List.of("# users", "alice:secret", "bob:pa:ss", ""));
        BrokerConfig c = read(
                "# a comment",
                "",
                "listener 1883",
                "listener 1884 127.0.0.2",
                "password_file passwords",
                "max_packet_size 2048",
                "max_connections 10",
                "max_queued_messages 5",
                "max_inflight_messages 3");
        assertThat(c.listeners()).containsExactly(new BrokerConfig.Listener(1883, "127.0.0.1", null),
                new BrokerConfig.Listener(1884, "127.0.0.2", null));
        assertThat(c.passwords()).isEqualTo(Map.of("alice", "secret", "bob", "pa:ss"));
        assertThat(c.maxPacketSize()).isEqualTo(2048);
        assertThat(c.maxConnections()).isEqualTo(10);
        assertThat(c.maxQueuedMessages()).isEqualTo(5);
        assertThat(c.maxInflightMessages()).isEqualTo(3);
    }

    @Test
    void appliesTlsSettingsToTlsListeners() throws Exception {
        BrokerConfig c = read("listener 8883 tls", "listener 1883", "keystore broker.p12", "keystore_password pw");
        assertThat(c.listeners().get(0).tls()).isEqualTo(new BrokerConfig.Tls(null, null, dir.resolve("broker.p12"),
                "pw"));
        assertThat(c.listeners().get(0).bindAddress()).isEqualTo("127.0.0.1");
        assertThat(c.listeners().get(1).tls()).isNull();
    }

    @Test
    void protocolLineMakesTheListenerAboveItAWebSocketListener() throws Exception {
        BrokerConfig c = read("listener 1883", "listener 8080 127.0.0.1", "protocol websockets",
                "listener 8081 tls", "protocol websockets", "listener 1884", "protocol mqtt", "keystore broker.p12");
        BrokerConfig.Tls tls = new BrokerConfig.Tls(null, null, dir.resolve("broker.p12"), null);
        assertThat(c.listeners()).containsExactly(
                new BrokerConfig.Listener(1883, "127.0.0.1", null, Transport.TCP),
                BrokerConfig.Listener.webSocket(8080, "127.0.0.1"),
                BrokerConfig.Listener.webSocket(8081, "127.0.0.1").withTls(tls),
                new BrokerConfig.Listener(1884, "127.0.0.1", null));
    }

    @Test
    void refusesAProtocolLineWithoutAListenerOrWithAnUnknownProtocol() {
        assertThatThrownBy(() -> read("protocol websockets")).hasMessageContaining("line 1")
                .hasMessageContaining("applies to the listener above it");
        assertThatThrownBy(() -> read("listener 8080", "protocol http")).hasMessageContaining("line 2")
                .hasMessageContaining("'mqtt' or 'websockets'");
    }

    @Test
    void keepsTheDefaultListenerWithoutListenerLines() throws Exception {
        BrokerConfig c = read("max_connections 0");
        assertThat(c.effectiveListeners()).containsExactly(new BrokerConfig.Listener(0, "127.0.0.1", null));
        assertThat(c.maxConnections()).isZero();
    }

    @Test
    void namesTheLineOfAnUnknownSetting() {
        assertThatThrownBy(() -> read("listener 1883", "", "allow_anonymous true"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("unknown setting 'allow_anonymous'");
    }

    @Test
    void namesTheLineOfABadValue() {
        assertThatThrownBy(() -> read("max_packet_size lots")).hasMessageContaining("line 1")
                .hasMessageContaining("'lots' is not a number");
        assertThatThrownBy(() -> read("listener 70000")).hasMessageContaining("line 1")
                .hasMessageContaining("outside 0..65535");
        assertThatThrownBy(() -> read("max_packet_size 300000000")).hasMessageContaining("outside");
        assertThatThrownBy(() -> read("max_inflight_messages")).hasMessageContaining("line 1")
                .hasMessageContaining("takes 1 value");
    }

    @Test
    void refusesATlsListenerWithoutKeyMaterial() {
        assertThatThrownBy(() -> read("listener 8883 tls")).hasMessageContaining("line 1")
                .hasMessageContaining("certfile and keyfile, or keystore");
    }

    @Test
    void refusesFaultsInTheConfigurationFile() {
        assertThatThrownBy(() -> read("fault RETAIN_ON_LIVE_FORWARD")).hasMessageContaining("unknown setting 'fault'");
    }

    @Test
    void namesTheLineOfABadPasswordFile() throws IOException {
        Files.write(dir.resolve("pw"), List.of("alice:x", "nocolon"));
        assertThatThrownBy(() -> read("password_file pw")).hasMessageContaining("line 2");
    }
}
