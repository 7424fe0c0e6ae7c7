package dev.mqttkit.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.DecodeResult;
import dev.mqttkit.codec.DecoderOptions;
import dev.mqttkit.codec.MqttDecoder;
import dev.mqttkit.codec.MqttEncoder;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Pingreq;
import dev.mqttkit.codec.packet.Pingresp;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Subscribe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal raw MQTT client on the codec for socket-level tests: send packets or raw bytes, take what the broker
 * sends with bounded waits, and detect the connection closing. Broker output is decoded strictly, so a malformed
 * packet from the broker fails the test.
 */
final class TestClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);
    private static final Object CLOSED = new Object();

    private final Socket socket;
    private final OutputStream out;
    private final MqttEncoder encoder;
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    private TestClient(Socket socket, ProtocolVersion version) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.encoder = MqttEncoder.unchecked(version);
        Thread reader = new Thread(() -> read(version), "test-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static TestClient open(int port, ProtocolVersion version) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setTcpNoDelay(true);
        return new TestClient(s, version);
    }

    /** A client over an already connected socket, e.g. a TLS one. */
    static TestClient over(Socket socket, ProtocolVersion version) throws IOException {
        return new TestClient(socket, version);
    }

    /** Opens a connection, sends CONNECT and expects CONNACK 0. */
    static TestClient connected(int port, Connect connect) throws IOException {
        TestClient c = open(port, connect.version());
        c.send(connect);
        Connack ack = c.expect(Connack.class);
        assertThat(ack.returnCode()).as("CONNACK return code").isZero();
        return c;
    }

    static TestClient connected(int port, String clientId) throws IOException {
        return connected(port, Connect.of(ProtocolVersion.MQTT_3_1_1, clientId, true, 60));
    }

    private void read(ProtocolVersion version) {
        MqttDecoder decoder = new MqttDecoder(DecoderOptions.client(version));
        byte[] buf = new byte[8192];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                while (bb.hasRemaining()) {
                    DecodeResult r = decoder.next(bb);
                    if (r instanceof DecodeResult.Decoded d) {
                        received.add(d.packet());
                    } else if (r instanceof DecodeResult.Malformed m) {
                        received.add(new AssertionError("broker sent a malformed packet: " + m.violation()));
                        return;
                    }
                }
            }
        } catch (IOException e) {
            // a reset counts as closed
        } finally {
            closed = true;
            received.add(CLOSED);
        }
    }

    TestClient send(Packet packet) throws IOException {
        return sendRaw(encoder.encode(packet));
    }

    TestClient sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** The next packet within {@code timeout}; empty on timeout or when the connection closed. */
    Optional<Packet> poll(Duration timeout) {
        try {
            Object o = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (o == CLOSED) {
                received.add(CLOSED);
                return Optional.empty();
            }
            if (o instanceof AssertionError e) {
                throw e;
            }
            return Optional.ofNullable((Packet) o);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    Packet take() {
        return poll(WAIT).orElseThrow(() -> new AssertionError(closed ? "connection closed while a packet was "
                + "expected" : "no packet within " + WAIT));
    }

    <T extends Packet> T expect(Class<T> type) {
        Packet p = take();
        assertThat(p).as("packet received").isInstanceOf(type);
        return type.cast(p);
    }

    Publish expectPublish() {
        return expect(Publish.class);
    }

    TestClient subscribe(String filter, Qos qos) throws IOException {
        send(Subscribe.of(1, filter, qos));
        assertThat(expect(Suback.class).returnCodes()).containsExactly(qos.value());
        return this;
    }

    /** A PINGREQ round trip proving nothing else was pending before it. */
    void fence() throws IOException {
        send(Pingreq.INSTANCE);
        assertThat(take()).as("the next packet (nothing expected before the PINGRESP)").isEqualTo(Pingresp.INSTANCE);
    }

    /** Waits until the broker closes the connection; packets before the close are ignored. */
    void expectClosed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Object o = received.poll(Math.max(left, 0), TimeUnit.NANOSECONDS);
                if (o == CLOSED) {
                    received.add(CLOSED);
                    return;
                }
                if (o == null) {
                    throw new AssertionError("connection still open after " + timeout);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    void expectClosed() {
        expectClosed(WAIT);
    }

    boolean isClosed() {
        return closed;
    }

    /** Ends the connection with a TCP reset instead of an orderly close. */
    void resetConnection() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
