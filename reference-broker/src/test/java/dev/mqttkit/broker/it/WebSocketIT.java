package dev.mqttkit.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.broker.Transport;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Subscribe;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MQTT over WebSocket (MQTT 3.1.1 chapter 6) through a WebSocket listener, with the JDK's WebSocket client. */
class WebSocketIT {
    private static final ProtocolVersion V311 = ProtocolVersion.MQTT_3_1_1;
    private final LogLines log = new LogLines();
    private ReferenceBroker broker;

    @TempDir
    Path dir;

    private ReferenceBroker start(BrokerConfig config) throws IOException {
        broker = ReferenceBroker.start(config.withLog(log));
        return broker;
    }

    private ReferenceBroker start() throws IOException {
        return start(BrokerConfig.defaults().withAddedListener(BrokerConfig.Listener.webSocket(0, "127.0.0.1")));
    }

    private URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + broker.port(Transport.WEBSOCKET) + path);
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest(name = "{0} with subprotocol {1}")
    @CsvSource({"MQTT_3_1_1, mqtt", "MQTT_3_1, mqttv3.1"})
    void connectsSubscribesAndPublishesBothWays(ProtocolVersion version, String subprotocol) throws Exception {
        start();
        assertThat(broker.port()).as("port() is the TCP listener's").isNotEqualTo(broker.port(Transport.WEBSOCKET));
        try (WebSocketTestClient ws = WebSocketTestClient.open(ws("/mqtt"), version, subprotocol);
             TestClient tcp = TestClient.connected(broker.port(), "tcp").subscribe("from/ws", Qos.AT_LEAST_ONCE)) {
            assertThat(ws.subprotocol()).isEqualTo(subprotocol);
            ws.send(Connect.of(version, "ws", true, 60));
            assertThat(ws.take()).isEqualTo(Connack.accepted(false));
            ws.send(Subscribe.of(1, "to/ws", Qos.AT_LEAST_ONCE));
            assertThat(ws.expect(Suback.class).returnCodes()).containsExactly(1);

            tcp.send(Publish.of(Qos.AT_LEAST_ONCE, "to/ws", 7, Payload.utf8("over tcp")));
            assertThat(tcp.take()).isEqualTo(new Puback(7));
            Publish in = ws.expectPublish();
            assertThat(in.payload().asUtf8()).isEqualTo("over tcp");
            ws.send(new Puback(in.packetId()));

            ws.send(Publish.of(Qos.AT_LEAST_ONCE, "from/ws", 9, Payload.utf8("over websocket")));
            assertThat(ws.take()).isEqualTo(new Puback(9));
            Publish out = tcp.expectPublish();
            assertThat(out.payload().asUtf8()).isEqualTo("over websocket");
            tcp.send(new Puback(out.packetId()));
        }
        assertThat(log.snapshot()).anyMatch(l -> l.matches("\\d+: Opening WebSocket listen socket on 127\\.0\\.0\\.1"
                + " port \\d+\\."));
    }

    @Test
    void reassemblesPacketsSplitAcrossFrames() throws Exception {
        start();
        try (WebSocketTestClient ws = WebSocketTestClient.open(ws("/"), V311, "mqtt")) {
            byte[] connect = ws.encode(Connect.of(V311, "halves", true, 60));
            ws.sendFrames(Arrays.copyOfRange(connect, 0, 5), Arrays.copyOfRange(connect, 5, connect.length));
            assertThat(ws.take()).isEqualTo(Connack.accepted(false));
            byte[] subscribe = ws.encode(Subscribe.of(2, "split/+", Qos.AT_MOST_ONCE));
            ws.sendFragments(Arrays.copyOfRange(subscribe, 0, 1), Arrays.copyOfRange(subscribe, 1, 7),
                    Arrays.copyOfRange(subscribe, 7, subscribe.length));
            assertThat(ws.expect(Suback.class).packetId()).isEqualTo(2);
        }
    }

    @Test
    void readsTwoPacketsFromOneFrame() throws Exception {
        start();
        try (WebSocketTestClient ws = WebSocketTestClient.open(ws("/"), V311, "mqtt")) {
            byte[] connect = ws.encode(Connect.of(V311, "pair", true, 60));
            byte[] subscribe = ws.encode(Subscribe.of(3, "pair/#", Qos.AT_MOST_ONCE));
            byte[] both = Arrays.copyOf(connect, connect.length + subscribe.length);
            System.arraycopy(subscribe, 0, both, connect.length, subscribe.length);
            ws.sendFrames(both);
            assertThat(ws.take()).isEqualTo(Connack.accepted(false));
            assertThat(ws.expect(Suback.class).packetId()).isEqualTo(3);
        }
    }

    @Test
    void refusesAHandshakeThatOffersNoMqttSubprotocol() throws Exception {
        start();
        for (String[] offered : new String[][] {{}, {"chat"}}) {
            assertThatThrownBy(() -> WebSocketTestClient.open(ws("/mqtt"), V311, offered))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                            .isEqualTo(400));
        }
        assertThat(log.snapshot()).anyMatch(l -> l.contains("Refused WebSocket connection from 127.0.0.1: MQTT over "
                + "WebSocket needs the subprotocol 'mqtt'"));
    }

    @Test
    void closesAConnectionThatSendsATextFrame() throws Exception {
        start();
        try (WebSocketTestClient ws = WebSocketTestClient.open(ws("/"), V311, "mqtt")) {
            ws.send(Connect.of(V311, "texter", true, 60));
            assertThat(ws.take()).isEqualTo(Connack.accepted(false));
            ws.sendText("hello");
            ws.expectClosed();
        }
        log.await("Client texter sent a text WebSocket frame [MQTT-6.0.0-1], disconnecting.", Duration.ofSeconds(5));
    }

    @Test
    void servesWssWithTheTlsSettings() throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-dname",
                "CN=localhost", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                "broker.p12", "-storepass", "changeit", "-keypass", "changeit").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.out").toFile()).start();
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool could not make a key store");
        BrokerConfig.Tls tls = new BrokerConfig.Tls(null, null, dir.resolve("broker.p12"), "changeit");
        start(BrokerConfig.defaults().withAddedListener(BrokerConfig.Listener.webSocket(0, "127.0.0.1").withTls(tls)));
        URI wss = URI.create("wss://127.0.0.1:" + broker.port(Transport.WEBSOCKET) + "/mqtt");
        SSLContext trusting = trusting(dir.resolve("broker.p12"));
        try (WebSocketTestClient ws = WebSocketTestClient.open(wss, V311, trusting, "mqtt")) {
            ws.send(Connect.of(V311, "secure", true, 60));
            assertThat(ws.take()).isEqualTo(Connack.accepted(false));
        }
        assertThat(log.snapshot()).anyMatch(l -> l.contains("Opening TLS WebSocket listen socket"));
    }

    private static SSLContext trusting(Path keyStore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("broker", ks.getCertificate("broker"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
