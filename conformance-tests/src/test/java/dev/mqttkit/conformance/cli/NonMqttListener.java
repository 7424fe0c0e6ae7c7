package dev.mqttkit.conformance.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback port that accepts TCP but does not speak MQTT: either it never sends anything (a wrong port of some
 * silent service, a firewall that accepts and drops), or it answers every connection like an HTTP server.
 */
final class NonMqttListener implements AutoCloseable {
    private static final byte[] HTTP_ANSWER = ("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final boolean http;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    private NonMqttListener(boolean http) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.http = http;
        Thread t = new Thread(this::acceptAll, "non-mqtt-listener");
        t.setDaemon(true);
        t.start();
    }

    /** Accepts connections, reads what comes and never answers. */
    static NonMqttListener silent() throws IOException {
        return new NonMqttListener(false);
    }

    /** Answers whatever arrives with an HTTP 400 and closes, as a web server on the wrong port would. */
    static NonMqttListener http() throws IOException {
        return new NonMqttListener(true);
    }

    String url() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    int accepted() {
        return accepted.get();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                accepted.incrementAndGet();
                held.add(s);
                if (http) {
                    InputStream in = s.getInputStream();
                    in.read(new byte[1024]);
                    s.getOutputStream().write(HTTP_ANSWER);
                    s.close();
                }
            } catch (IOException e) {
                // closed, or the peer went away: nothing to answer
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : held) {
            s.close();
        }
    }
}
