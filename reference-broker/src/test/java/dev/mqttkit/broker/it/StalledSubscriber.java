package dev.mqttkit.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.DecodeResult;
import dev.mqttkit.codec.DecoderOptions;
import dev.mqttkit.codec.MqttDecoder;
import dev.mqttkit.codec.MqttEncoder;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Pingreq;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Subscribe;
import dev.mqttkit.codec.packet.Will;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A subscriber that reads its CONNACK and SUBACK and then stops reading its socket (with a small receive buffer), so
 * that the broker's output to it backs up; it may keep sending PINGREQ meanwhile, and can start reading again.
 */
final class StalledSubscriber implements AutoCloseable {
    private static final ProtocolVersion V = ProtocolVersion.MQTT_3_1_1;
    private static final byte[] PINGREQ = MqttEncoder.of(V).encode(Pingreq.INSTANCE);

    private final Socket socket;
    private final OutputStream out;
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stalled-subscriber-pinger");
        t.setDaemon(true);
        return t;
    });

    private StalledSubscriber(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Connects with {@code keepAliveSeconds} and a will on {@code willTopic}; subscribes to {@code filter}, QoS 0. */
    static StalledSubscriber connect(int port, String clientId, int keepAliveSeconds, String willTopic, String filter)
            throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.setSoTimeout((int) TestClient.WAIT.toMillis());
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        StalledSubscriber sub = new StalledSubscriber(s);
        MqttEncoder encoder = MqttEncoder.of(V);
        sub.out.write(encoder.encode(Connect.of(V, clientId, true, keepAliveSeconds)
                .withWill(new Will(willTopic, Payload.utf8(clientId + " gone"), Qos.AT_MOST_ONCE, false))));
        sub.out.write(encoder.encode(Subscribe.of(1, filter, Qos.AT_MOST_ONCE)));
        List<Packet> replies = sub.readExactly(4 + 5); // CONNACK, SUBACK with one return code
        assertThat(replies).hasSize(2);
        assertThat(replies.get(0)).isEqualTo(Connack.accepted(false));
        assertThat(((Suback) replies.get(1)).returnCodes()).containsExactly(0);
        return sub;
    }

    private List<Packet> readExactly(int bytes) throws IOException {
        byte[] buf = new byte[bytes];
        new DataInputStream(socket.getInputStream()).readFully(buf);
        MqttDecoder decoder = new MqttDecoder(DecoderOptions.client(V));
        ByteBuffer in = ByteBuffer.wrap(buf);
        List<Packet> packets = new ArrayList<>();
        while (in.hasRemaining()) {
            DecodeResult r = decoder.next(in);
            assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
            packets.add(((DecodeResult.Decoded) r).packet());
        }
        return packets;
    }

    /** Sends a PINGREQ every {@code period} from a background thread, without reading the PINGRESPs. */
    void startPinging(Duration period) {
        pinger.scheduleAtFixedRate(() -> {
            try {
                out.write(PINGREQ);
            } catch (IOException e) {
                throw new IllegalStateException("ping failed", e); // ends the schedule; the test sees the close
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stopPinging() throws InterruptedException {
        pinger.shutdownNow();
        assertThat(pinger.awaitTermination(5, TimeUnit.SECONDS)).as("pinger stopped").isTrue();
    }

    /** Starts reading again: everything the broker held for it arrives through the returned client. */
    TestClient resumeReading() throws IOException {
        socket.setSoTimeout(0);
        return TestClient.over(socket, V);
    }

    /**
     * Publishes 1 KiB QoS 0 messages to {@code topic} from {@code publisher}, in batches closed by a PINGREQ round
     * trip, until {@code log} shows {@code line}; returns how many were sent. Bounded by 30,000 messages.
     */
    static int floodUntilLogged(TestClient publisher, String topic, LogLines log, String line) throws IOException {
        byte[] body = new byte[1024];
        int sent = 0;
        while (!log.any(l -> l.contains(line))) {
            assertThat(sent).as("messages sent without the broker logging '" + line + "'").isLessThan(30_000);
            for (int i = 0; i < 50; i++) {
                publisher.send(Publish.qos0(topic, Payload.of(body)));
            }
            sent += 50;
            publisher.fence();
        }
        return sent;
    }

    @Override
    public void close() throws IOException {
        pinger.shutdownNow();
        socket.close();
    }
}
