package dev.mqttkit.conformance.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.broker.Transport;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.conformance.SuiteConfig;
import dev.mqttkit.conformance.client.ClientContext;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.client.Timeouts;
import dev.mqttkit.contract.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ws://} and {@code wss://} targets: how their URLs read, and that the suite's client reaches a broker there.
 */
class WebSocketUrlTests {

    @ParameterizedTest
    @CsvSource({
        "ws://127.0.0.1,                             false, 127.0.0.1,      80,   /mqtt",
        "ws://127.0.0.1:8080,                        false, 127.0.0.1,      8080, /mqtt",
        "ws://127.0.0.1:8080/,                       false, 127.0.0.1,      8080, /",
        "WS://broker.example/ws,                     false, broker.example, 80,   /ws",
        "wss://broker.example,                       true,  broker.example, 443,  /mqtt",
        "wss://broker.example:8884/mqtt?token=a%20b, true,  broker.example, 8884, /mqtt?token=a%20b",
        "tcp://127.0.0.1,                            false, 127.0.0.1,      1883, ",
        "mqtts://127.0.0.1,                          true,  127.0.0.1,      8883, "})
    void readsTheSchemeDefaultPortAndPath(String given, boolean tls, String host, int port, String path) {
        assertThat(BrokerUrl.parse(given)).isEqualTo(new BrokerUrl(host, port, tls, path));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ws:127.0.0.1:8080                 | has no scheme",
        "http://127.0.0.1:8080/mqtt        | unknown scheme 'http'",
        "tcp://127.0.0.1:1883/mqtt         | a WebSocket URL is ws:// or wss://",
        "ws://user:secret@127.0.0.1/mqtt   | mqtt.username",
        "ws://127.0.0.1/mqtt#part          | fragment"})
    void refusesWhatItCannotUseSayingWhatIsAccepted(String given, String why) {
        assertThatThrownBy(() -> BrokerUrl.parse(given)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(why).hasMessageContaining(BrokerUrl.ACCEPTED);
    }

    @Test
    void theEmbeddedBrokerIsNamedNotAddressed() {
        Targets.checkBroker(EmbeddedTarget.OVER_WEBSOCKET);
        Targets.checkBroker(EmbeddedTarget.OVER_TCP);
        Targets.checkBroker("ws://127.0.0.1:9001");
        assertThatThrownBy(() -> Targets.checkBroker("embedded+wss")).hasMessageContaining("has no scheme");
    }

    @Test
    void startsTheEmbeddedBrokerWithOnlyAWebSocketListener() {
        try (Target t = Targets.start(config(Map.of("mqtt.broker", EmbeddedTarget.OVER_WEBSOCKET)))) {
            assertThat(t.endpoint().webSocket()).isTrue();
            assertThat(t.endpoint().url()).matches("ws://127\\.0\\.0\\.1:\\d+/mqtt");
            assertThat(t.name()).isEqualTo("reference-broker-ws");
            assertThat(t.description()).isEqualTo("embedded reference broker at " + t.endpoint().url());
            assertThat(connects(t, ProtocolVersion.MQTT_3_1)).isTrue();
            assertThat(connects(t, ProtocolVersion.MQTT_3_1_1)).isTrue();
        }
    }

    @Test
    void aWsUrlReachesAWebSocketListenerAndNotATcpOne() throws Exception {
        try (ReferenceBroker broker = ReferenceBroker.start(BrokerConfig.defaults()
                .withAddedListener(BrokerConfig.Listener.webSocket(0, "127.0.0.1")))) {
            UrlTarget ws = new UrlTarget(config(Map.of("mqtt.broker",
                    "ws://127.0.0.1:" + broker.port(Transport.WEBSOCKET) + "/any/path")));
            UrlTarget wrong = new UrlTarget(config(Map.of("mqtt.broker", "ws://127.0.0.1:" + broker.port())));

            assertThat(connects(ws, ProtocolVersion.MQTT_3_1_1)).isTrue();
            assertThat(wrong.endpoint().unreachableBecause(Timeouts.scaledBy(1).connect()))
                    .hasValueSatisfying(why -> assertThat(why).startsWith("cannot connect to the broker at ws://"));
        }
    }

    @Test
    void connectsOverWssTrustingTheConfiguredTrustStore(@TempDir Path dir) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "EC",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", dir.resolve("broker.p12").toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.out").toFile()).start();
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool could not make a key store");
        BrokerConfig.Tls tls = new BrokerConfig.Tls(null, null, dir.resolve("broker.p12"), "changeit");
        try (ReferenceBroker broker = ReferenceBroker.start(BrokerConfig.defaults()
                .withListeners(List.of(BrokerConfig.Listener.webSocket(0, "127.0.0.1").withTls(tls))))) {
            UrlTarget target = new UrlTarget(config(Map.of(
                    "mqtt.broker", "wss://127.0.0.1:" + broker.port(Transport.WEBSOCKET),
                    "mqtt.truststore", dir.resolve("broker.p12").toString(),
                    "mqtt.truststore.password", "changeit")));
            assertThat(target.endpoint().url()).startsWith("wss://127.0.0.1:").endsWith("/mqtt");
            assertThat(connects(target, ProtocolVersion.MQTT_3_1_1)).isTrue();
        }
    }

    private static SuiteConfig config(Map<String, String> settings) {
        return SuiteConfig.from(new Settings(new HashMap<>(settings)::get, Map.of()));
    }

    /** Whether a client of {@code version} gets its CONNECT accepted and a PINGRESP to its PINGREQ. */
    private static boolean connects(Target t, ProtocolVersion version) {
        try (ScriptedClient c = new ScriptedClient("ws", "ws" + version.level(), version,
                ClientContext.standalone(t.endpoint(), Timeouts.scaledBy(1), ClientContext.Credentials.NONE))) {
            boolean accepted = c.connect().returnCode() == 0;
            c.expectNothing();
            return accepted && c.webSocket().isPresent();
        }
    }
}
