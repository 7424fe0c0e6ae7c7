package dev.mqttkit.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.DecodeResult;
import dev.mqttkit.codec.DecoderOptions;
import dev.mqttkit.codec.MqttDecoder;
import dev.mqttkit.codec.MqttEncoder;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * An MQTT client over the JDK's {@link WebSocket}, for the WebSocket listener's tests: packets or raw bytes go out in
 * binary frames chosen by the test, and what arrives is decoded strictly across frame boundaries.
 */
final class WebSocketTestClient implements AutoCloseable {
    private static final Object CLOSED = new Object();

    private final WebSocket socket;
    private final MqttEncoder encoder;
    private final BlockingQueue<Object> received;

    private WebSocketTestClient(WebSocket socket, MqttEncoder encoder, BlockingQueue<Object> received) {
        this.socket = socket;
        this.encoder = encoder;
        this.received = received;
    }

    /** Opens {@code uri} offering {@code subprotocols}; fails with the handshake's exception when refused. */
    static WebSocketTestClient open(URI uri, ProtocolVersion version, SSLContext tls, String... subprotocols)
            throws Exception {
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(TestClient.WAIT);
        if (tls != null) {
            http.sslContext(tls);
        }
        WebSocket.Builder builder = http.build().newWebSocketBuilder().connectTimeout(TestClient.WAIT);
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        WebSocket socket = builder.buildAsync(uri, new Reader(version, received))
                .get(TestClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return new WebSocketTestClient(socket, MqttEncoder.unchecked(version), received);
    }

    static WebSocketTestClient open(URI uri, ProtocolVersion version, String... subprotocols) throws Exception {
        return open(uri, version, null, subprotocols);
    }

    /** Feeds every binary frame's bytes to one streaming decoder, as a receiver that ignores frame boundaries must. */
    private static final class Reader implements WebSocket.Listener {
        private final MqttDecoder decoder;
        private final BlockingQueue<Object> received;

        Reader(ProtocolVersion version, BlockingQueue<Object> received) {
            this.decoder = new MqttDecoder(DecoderOptions.client(version));
            this.received = received;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            while (data.hasRemaining()) {
                DecodeResult r = decoder.next(data);
                if (r instanceof DecodeResult.Decoded d) {
                    received.add(d.packet());
                } else if (r instanceof DecodeResult.Malformed m) {
                    received.add(new AssertionError("broker sent a malformed packet: " + m.violation()));
                    return null;
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            received.add(new AssertionError("broker sent a text frame: " + data));
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            received.add(CLOSED);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            received.add(CLOSED);
        }
    }

    /** The subprotocol the server selected. */
    String subprotocol() {
        return socket.getSubprotocol();
    }

    byte[] encode(Packet packet) {
        return encoder.encode(packet);
    }

    /** Sends {@code packet} in one binary frame. */
    WebSocketTestClient send(Packet packet) throws Exception {
        return sendFrames(encode(packet));
    }

    /** Sends each array as one binary message of one frame. */
    WebSocketTestClient sendFrames(byte[]... frames) throws Exception {
        for (byte[] frame : frames) {
            await(socket.sendBinary(ByteBuffer.wrap(frame), true));
        }
        return this;
    }

    /** Sends one binary message in several frames: a binary frame, then continuation frames. */
    WebSocketTestClient sendFragments(byte[]... fragments) throws Exception {
        for (int i = 0; i < fragments.length; i++) {
            await(socket.sendBinary(ByteBuffer.wrap(fragments[i]), i == fragments.length - 1));
        }
        return this;
    }

    WebSocketTestClient sendText(String text) throws Exception {
        await(socket.sendText(text, true));
        return this;
    }

    private static void await(CompletableFuture<WebSocket> sent) throws Exception {
        sent.get(TestClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next packet within {@code timeout}; empty on timeout or when the connection closed. */
    Optional<Packet> poll(Duration timeout) throws InterruptedException {
        Object o = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (o == CLOSED) {
            received.add(CLOSED);
            return Optional.empty();
        }
        if (o instanceof AssertionError e) {
            throw e;
        }
        return Optional.ofNullable((Packet) o);
    }

    Packet take() throws InterruptedException {
        return poll(TestClient.WAIT).orElseThrow(() -> new AssertionError("no packet within " + TestClient.WAIT));
    }

    <T extends Packet> T expect(Class<T> type) throws InterruptedException {
        Packet p = take();
        assertThat(p).as("packet received").isInstanceOf(type);
        return type.cast(p);
    }

    Publish expectPublish() throws InterruptedException {
        return expect(Publish.class);
    }

    /** Waits until the broker closes the connection; packets before the close are ignored. */
    void expectClosed() throws InterruptedException {
        long deadline = System.nanoTime() + TestClient.WAIT.toNanos();
        while (true) {
            Object o = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (o == CLOSED) {
                received.add(CLOSED);
                return;
            }
            assertThat(o).as("the connection closing within " + TestClient.WAIT).isNotNull();
        }
    }

    @Override
    public void close() {
        socket.abort();
    }
}
