package dev.mqttkit.bench.load;

import dev.mqttkit.codec.DecodeResult;
import dev.mqttkit.codec.DecoderOptions;
import dev.mqttkit.codec.MqttDecoder;
import dev.mqttkit.codec.MqttEncoder;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Pingreq;
import dev.mqttkit.codec.packet.Pingresp;
import dev.mqttkit.codec.packet.ProtocolVersion;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens many MQTT connections that then do nothing, from one selector thread, and reads the broker's resident memory
 * (VmRSS from /proc) before and after. The connections are proved held, not merely accepted, by a PINGREQ on every
 * one of them answered with a PINGRESP after the memory reading.
 */
final class IdleConnections {
    /** Connects in flight at once: enough to be quick, few enough not to overflow a listen backlog. */
    private static final int MAX_PENDING = 100;
    private static final byte[] PINGREQ = MqttEncoder.of(ProtocolVersion.MQTT_3_1_1).encode(Pingreq.INSTANCE);

    record Result(int wanted, int connected, int held, long rssBeforeKiB, long rssAfterKiB, double seconds,
                  String failure) {
    }

    private static final class Conn {
        final MqttDecoder decoder = new MqttDecoder(DecoderOptions.client(ProtocolVersion.MQTT_3_1_1));
        ByteBuffer out;
        boolean connected;
        boolean ponged;
    }

    private IdleConnections() {
    }

    static Result run(String host, int port, int count, long pid, int timeoutSeconds) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long t0 = System.nanoTime();
        long before = rssKiB(pid);
        MqttEncoder encoder = MqttEncoder.of(ProtocolVersion.MQTT_3_1_1);
        InetSocketAddress address = new InetSocketAddress(host, port);
        List<SocketChannel> channels = new ArrayList<>(count);
        ByteBuffer in = ByteBuffer.allocate(4096);
        String failure = null;
        try (Selector selector = Selector.open()) {
            int[] progress = new int[2]; // connected (CONNACK seen), opened
            while (progress[0] < count && System.nanoTime() < deadline) {
                while (progress[1] < count && progress[1] - progress[0] < MAX_PENDING) {
                    SocketChannel ch = SocketChannel.open();
                    ch.configureBlocking(false);
                    Conn conn = new Conn();
                    conn.out = ByteBuffer.wrap(encoder.encode(
                            Connect.of(ProtocolVersion.MQTT_3_1_1, "bench-idle-" + progress[1], true, 0)));
                    ch.register(selector, ch.connect(address) ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, conn);
                    channels.add(ch);
                    progress[1]++;
                }
                poll(selector, in, progress);
            }
            long after = rssKiB(pid);
            int connected = progress[0];
            int held = ping(selector, channels, in, deadline);
            if (connected < count) {
                failure = "only " + connected + " of " + count + " connected within " + timeoutSeconds + " s";
            } else if (held < connected) {
                failure = "only " + held + " of " + connected + " answered PINGREQ";
            }
            return new Result(count, connected, held, before, after, (System.nanoTime() - t0) / 1e9, failure);
        } finally {
            for (SocketChannel ch : channels) {
                ch.close();
            }
        }
    }

    private static void poll(Selector selector, ByteBuffer in, int[] progress) throws IOException {
        selector.select(100);
        for (SelectionKey key : selector.selectedKeys()) {
            SocketChannel ch = (SocketChannel) key.channel();
            Conn conn = (Conn) key.attachment();
            try {
                if (key.isConnectable() && ch.finishConnect()) {
                    key.interestOps(SelectionKey.OP_WRITE);
                }
                if (key.isValid() && key.isWritable()) {
                    ch.write(conn.out);
                    if (!conn.out.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
                if (key.isValid() && key.isReadable() && readReplies(ch, conn, in)) {
                    progress[0]++;
                }
            } catch (IOException e) {
                key.cancel();
                ch.close();
                progress[1]--; // a refused connect is retried as a new one; counted as opened only once held
            }
        }
        selector.selectedKeys().clear();
    }

    /** Reads what arrived; true when this read completed the CONNACK. */
    private static boolean readReplies(SocketChannel ch, Conn conn, ByteBuffer in) throws IOException {
        in.clear();
        if (ch.read(in) < 0) {
            throw new IOException("closed by the broker");
        }
        in.flip();
        boolean justConnected = false;
        while (in.hasRemaining()) {
            DecodeResult r = conn.decoder.next(in);
            if (r instanceof DecodeResult.Decoded d) {
                if (d.packet() instanceof Connack c && c.returnCode() == Connack.ACCEPTED && !conn.connected) {
                    conn.connected = true;
                    justConnected = true;
                } else if (d.packet() instanceof Pingresp) {
                    conn.ponged = true;
                }
            } else if (r instanceof DecodeResult.Malformed m) {
                throw new IOException(m.violation().toString());
            }
        }
        return justConnected;
    }

    /** Sends PINGREQ on every connected channel and counts the PINGRESPs that come back before the deadline. */
    private static int ping(Selector selector, List<SocketChannel> channels, ByteBuffer in, long deadline)
            throws IOException {
        int sent = 0;
        for (SocketChannel ch : channels) {
            SelectionKey key = ch.keyFor(selector);
            if (ch.isOpen() && key != null && key.isValid() && ((Conn) key.attachment()).connected) {
                ch.write(ByteBuffer.wrap(PINGREQ));
                sent++;
            }
        }
        int ponged = 0;
        int[] progress = new int[2];
        while (System.nanoTime() < deadline) {
            poll(selector, in, progress);
            ponged = 0;
            for (SelectionKey key : selector.keys()) {
                if (((Conn) key.attachment()).ponged) {
                    ponged++;
                }
            }
            if (ponged == sent) {
                break;
            }
        }
        return ponged;
    }

    /** The resident set of process {@code pid} in KiB, or -1 when it cannot be read. */
    static long rssKiB(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
