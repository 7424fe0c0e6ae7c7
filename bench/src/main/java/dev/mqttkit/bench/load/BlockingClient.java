package dev.mqttkit.bench.load;

import dev.mqttkit.codec.DecodeResult;
import dev.mqttkit.codec.DecoderOptions;
import dev.mqttkit.codec.MqttDecoder;
import dev.mqttkit.codec.MqttEncoder;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Subscribe;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;

/**
 * A minimal MQTT 3.1.1 client on our codec over a blocking socket: one thread writes, at most one reads. Writes are
 * buffered and sent on {@link #flush}, so a load loop can batch packets into few system calls.
 */
final class BlockingClient implements AutoCloseable {
    private static final ProtocolVersion V = ProtocolVersion.MQTT_3_1_1;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final MqttDecoder decoder = new MqttDecoder(DecoderOptions.client(V));
    private final MqttEncoder encoder = MqttEncoder.of(V);
    private final byte[] readBuffer = new byte[64 * 1024];
    private ByteBuffer unread = ByteBuffer.allocate(0);
    private final ByteBuffer writeBuffer = ByteBuffer.allocate(64 * 1024);

    private BlockingClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects with a clean session and no keep-alive, and waits for an accepting CONNACK. */
    static BlockingClient connect(String host, int port, String clientId, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        BlockingClient client = new BlockingClient(socket);
        client.send(Connect.of(V, clientId, true, 0));
        client.flush();
        Packet reply = client.read();
        if (!(reply instanceof Connack c) || c.returnCode() != Connack.ACCEPTED) {
            client.close();
            throw new IOException(clientId + ": expected an accepting CONNACK but got " + reply.summary());
        }
        return client;
    }

    /** Subscribes and waits for the SUBACK granting {@code qos}. */
    void subscribe(String filter, Qos qos) throws IOException {
        send(Subscribe.of(1, filter, qos));
        flush();
        Packet reply = read();
        if (!(reply instanceof Suback s) || s.returnCodes().get(0) != qos.value()) {
            throw new IOException("expected a SUBACK granting QoS " + qos.value() + " but got " + reply.summary());
        }
    }

    /** Buffers {@code p}, writing out the buffer first when it has no room. */
    void send(Packet p) throws IOException {
        int length = encoder.encodedLength(p);
        if (writeBuffer.remaining() < length) {
            flush();
        }
        if (writeBuffer.remaining() < length) {
            out.write(encoder.encode(p));
            return;
        }
        encoder.encode(p, writeBuffer);
    }

    void flush() throws IOException {
        if (writeBuffer.position() > 0) {
            out.write(writeBuffer.array(), 0, writeBuffer.position());
            writeBuffer.clear();
        }
    }

    /** The next packet, blocking up to the socket timeout. */
    Packet read() throws IOException {
        return read(false);
    }

    /**
     * The next packet; with {@code flushBeforeWaiting}, buffered writes are sent before the socket is read, so that a
     * reader that acknowledges what it reads never holds back acknowledgements the broker waits for. Only for a
     * client whose reading thread is also its only writing thread.
     */
    Packet read(boolean flushBeforeWaiting) throws IOException {
        while (true) {
            if (unread.hasRemaining()) {
                DecodeResult r = decoder.next(unread);
                if (r instanceof DecodeResult.Decoded d) {
                    return d.packet();
                }
                if (r instanceof DecodeResult.Malformed m) {
                    throw new IOException("broker sent a malformed packet: " + m.violation());
                }
            }
            if (flushBeforeWaiting) {
                flush();
            }
            int n = in.read(readBuffer);
            if (n < 0) {
                throw new EOFException("broker closed the connection");
            }
            unread = ByteBuffer.wrap(readBuffer, 0, n);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a benchmark connection: nothing to recover
        }
    }
}
