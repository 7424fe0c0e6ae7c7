package dev.mqttkit.conformance.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mqttkit.conformance.calibration.PeerBroker.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each peer broker starts on its loopback port, speaks MQTT there, and is gone once closed. */
class PeerBrokerIT {
    /** CONNECT, MQTT 3.1.1, clean session, keep-alive 60 s, client id "peer-check". */
    static final byte[] CONNECT = HexFormat.of().parseHex("1016" + "00044d515454" + "04" + "02" + "003c"
            + "000a" + "706565722d636865636b");
    static final String CONNACK_ACCEPTED = "20020000";
    static final int IO_TIMEOUT_MS = 10_000;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void acceptsConnectOnItsTcpUrlUntilClosed(Kind kind, @TempDir Path dir) throws Exception {
        assumeAvailable(kind);
        PeerBroker broker = PeerBroker.start(kind, dir);
        int port;
        try {
            port = URI.create(broker.url()).getPort();
            assertThat(broker.url()).isEqualTo("tcp://127.0.0.1:" + port);
            assertThat(broker.version()).as("the version the broker reported").matches("\\d+(\\.\\d+)+");
            assertThat(connackOverTcp(port)).isEqualTo(CONNACK_ACCEPTED);
        } finally {
            broker.close();
        }
        assertThat(ProcessHandle.of(broker.pid()).filter(ProcessHandle::isAlive)).as("the broker's process").isEmpty();
        assertThatThrownBy(() -> connackOverTcp(port)).isInstanceOf(ConnectException.class);
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"AEDES", "MOQUETTE"})
    void acceptsConnectOverWebSocketWithTheMqttSubprotocol(Kind kind, @TempDir Path dir) throws Exception {
        assumeAvailable(kind);
        try (PeerBroker broker = PeerBroker.start(kind, dir)) {
            assertThat(broker.webSocketUrl()).isPresent();
            BinaryCollector collector = new BinaryCollector(4);
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("mqtt")
                    .buildAsync(URI.create(broker.webSocketUrl().orElseThrow()), collector)
                    .get(IO_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            try {
                assertThat(ws.getSubprotocol()).isEqualTo("mqtt");
                ws.sendBinary(ByteBuffer.wrap(CONNECT), true).get(IO_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                // MQTT over WebSocket lets a packet span frames (aedes sends CONNACK a byte per frame).
                assertThat(collector.bytes.get(IO_TIMEOUT_MS, TimeUnit.MILLISECONDS)).isEqualTo(CONNACK_ACCEPTED);
            } finally {
                ws.abort();
            }
        }
    }

    @Test
    void debiansMosquittoOffersNoWebSocketUrl(@TempDir Path dir) throws Exception {
        assumeAvailable(Kind.MOSQUITTO);
        try (PeerBroker broker = PeerBroker.start(Kind.MOSQUITTO, dir)) {
            assertThat(broker.webSocketUrl()).isEmpty();
            assertThat(broker.log()).content().contains("mosquitto version " + broker.version() + " running");
        }
    }

    @Test
    void namesTheInstallCommandForAPeerThatIsNotInstalled(@TempDir Path emptyPeers) {
        assertThat(PeerBroker.availability(Kind.MOQUETTE, emptyPeers).reason())
                .contains("mvn -q -B -f " + emptyPeers.resolve("moquette/pom.xml") + " dependency:build-classpath");
        assertThat(PeerBroker.availability(Kind.AEDES, emptyPeers).reason())
                .containsAnyOf("npm ci --prefix " + emptyPeers.resolve("aedes"), "apt-get install -y nodejs");
    }

    private static void assumeAvailable(Kind kind) {
        PeerBroker.Availability availability = PeerBroker.availability(kind);
        Assumptions.assumeTrue(availability.available(), availability::reason);
    }

    private static String connackOverTcp(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), IO_TIMEOUT_MS);
            s.setSoTimeout(IO_TIMEOUT_MS);
            s.getOutputStream().write(CONNECT);
            InputStream in = s.getInputStream();
            return HexFormat.of().formatHex(in.readNBytes(4));
        }
    }

    /** Gathers binary frames until {@code expected} bytes have arrived. */
    private static final class BinaryCollector implements WebSocket.Listener {
        final CompletableFuture<String> bytes = new CompletableFuture<>();
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final int expected;

        BinaryCollector(int expected) {
            this.expected = expected;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            while (data.hasRemaining()) {
                received.write(data.get());
            }
            if (received.size() >= expected) {
                bytes.complete(HexFormat.of().formatHex(received.toByteArray()));
            }
            ws.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            bytes.completeExceptionally(error);
        }
    }
}
