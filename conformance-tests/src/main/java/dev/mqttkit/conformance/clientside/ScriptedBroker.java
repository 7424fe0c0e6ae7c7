package dev.mqttkit.conformance.clientside;

import dev.mqttkit.conformance.client.Timeouts;
import dev.mqttkit.conformance.client.Transcript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

/**
 * The suite as a broker, the client-side twin of {@link dev.mqttkit.conformance.client.ScriptedClient}: it listens
 * on a free loopback port, hands each connection the client under test opens to the test as a {@link ClientLink}, and
 * answers only what the test script sends, so it can also play a broker that is late, wrong or gone. Every byte is
 * recorded in the test's {@link Transcript}, with the client's connections labelled {@code c1}, {@code c2}, ...
 */
public final class ScriptedBroker implements AutoCloseable {
    private final ServerSocket server;
    private final Transcript transcript;
    private final Timeouts timeouts;
    private final BlockingQueue<ClientLink> accepted = new LinkedBlockingQueue<>();
    private final List<ClientLink> links = new ArrayList<>();
    private volatile boolean closing;

    public ScriptedBroker(Transcript transcript, Timeouts timeouts) {
        this.transcript = transcript;
        this.timeouts = timeouts;
        try {
            server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on a loopback port", e);
        }
        Thread t = new Thread(this::acceptLoop, "scripted-broker-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    /** Where the client is to connect, e.g. {@code tcp://127.0.0.1:40123}. */
    public String url() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** The client's next connection within {@code timeout}; fails when it does not come. */
    public ClientLink accept(Duration timeout) {
        try {
            ClientLink link = accepted.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (link == null) {
                transcript.failure("broker", "no connection from the client within " + timeout.toMillis() + " ms");
                throw new AssertionFailedError("[broker] no connection from the client within " + timeout.toMillis()
                        + " ms");
            }
            return link;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the client to connect", e);
        }
    }

    private void acceptLoop() {
        int n = 0;
        while (!closing) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                String label = "c" + (++n);
                transcript.event(label, "the client connected from port " + s.getPort());
                ClientLink link = new ClientLink(label, s, transcript, timeouts);
                synchronized (links) {
                    links.add(link);
                }
                accepted.add(link);
            } catch (IOException e) {
                if (!closing) {
                    transcript.event("broker", "accept failed: " + e.getMessage());
                }
                return;
            }
        }
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        closing = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // nothing to do
        }
        synchronized (links) {
            links.forEach(ClientLink::close);
        }
    }
}
