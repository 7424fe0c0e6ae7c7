package dev.mqttkit.conformance.clientside;

import dev.mqttkit.codec.DecodeResult;
import dev.mqttkit.codec.DecoderOptions;
import dev.mqttkit.codec.MqttDecoder;
import dev.mqttkit.codec.MqttEncoder;
import dev.mqttkit.codec.Violation;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Disconnect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Pingreq;
import dev.mqttkit.codec.packet.Pingresp;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.conformance.client.PacketMatcher;
import dev.mqttkit.conformance.client.PacketStream;
import dev.mqttkit.conformance.client.Timeouts;
import dev.mqttkit.conformance.client.Transcript;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

/**
 * One connection a client under test opened to the {@link ScriptedBroker}, and the thread that reads it. Everything
 * the client sends is decoded leniently by the server's rules (the version learned from its CONNECT), so a rule it
 * breaks is recorded next to the packet and becomes a finding with the rule id; bytes no reading can get past end the
 * connection with the rule recorded. Between CONNECT and DISCONNECT, PINGREQ is answered by the reader itself (unless
 * the test turns that off) and not handed to the test: keep-alive tests read the times of {@link #arrivals()}.
 */
public final class ClientLink implements AutoCloseable {
    private final String label;
    private final Socket socket;
    private final OutputStream out;
    private final Transcript transcript;
    private final Timeouts timeouts;
    private final BlockingQueue<Arrival> inbox = new LinkedBlockingQueue<>();
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();
    private final List<Long> pings = new CopyOnWriteArrayList<>();
    private volatile ProtocolVersion version = ProtocolVersion.MQTT_3_1_1;
    private volatile boolean answerPings = true;
    private volatile boolean closingByUs;
    /** Whether a CONNECT arrived; PINGREQ before it is handed to the test like any packet out of place. */
    private volatile boolean connected;
    /** Whether a DISCONNECT arrived; anything after it, PINGREQ included, is handed to the test. */
    private volatile boolean disconnected;
    private Arrival.Closed terminal;

    ClientLink(String label, Socket socket, Transcript transcript, Timeouts timeouts) throws IOException {
        this.label = label;
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.transcript = transcript;
        this.timeouts = timeouts;
        Thread reader = new Thread(this::readLoop, "mqtt-client-link-" + label);
        reader.setDaemon(true);
        reader.start();
    }

    /** The label of this connection in the transcript, e.g. {@code c2} for the client's second connection. */
    public String label() {
        return label;
    }

    /** The version of the client's CONNECT; 3.1.1 until one arrived. */
    public ProtocolVersion version() {
        return version;
    }

    /** Whether the reader answers PINGREQ with PINGRESP (it does unless a test plays a broker that stops). */
    public void answerPings(boolean on) {
        this.answerPings = on;
    }

    /** When ({@link System#nanoTime()}) each packet of the client arrived, PINGREQs included, in order. */
    public List<Long> arrivals() {
        return List.copyOf(arrivals);
    }

    /** Waits until {@code n} PINGREQs have arrived or {@code timeout} passed; returns how many did. */
    public int awaitPings(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (pings) {
            while (pings.size() < n && System.nanoTime() < deadline) {
                try {
                    pings.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return pings.size();
        }
    }

    /** When each PINGREQ arrived. */
    public List<Long> pings() {
        return List.copyOf(pings);
    }

    /** Sends a packet the specification allows a broker to send; one the encoder refuses is a bug in the test. */
    public void send(Packet packet) {
        write(MqttEncoder.of(version).encode(packet), packet.summary());
    }

    /** Sends raw bytes; {@code description} is what the transcript shows. */
    public void sendRaw(byte[] bytes, String description) {
        write(bytes, description);
    }

    private void write(byte[] bytes, String summary) {
        synchronized (out) {
            transcript.out(label, bytes, summary);
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                transcript.event(label, "write failed: " + e.getMessage());
            }
        }
    }

    /**
     * The client's next packet, which must match. A packet with broken rules fails as a {@link ClientViolation} of
     * those rules; a wrong packet, silence or a closed connection fails plainly (the test names the statements).
     */
    public <P extends Packet> P expect(PacketMatcher<P> matcher) {
        return expect(matcher, timeouts.expect());
    }

    /** {@link #expect(PacketMatcher)} with a wait of its own, for set-up steps of a library that may start slowly. */
    public <P extends Packet> P expect(PacketMatcher<P> matcher, Duration wait) {
        Arrival a = poll(wait);
        if (a == null) {
            throw fail("timed out after " + wait.toMillis() + " ms waiting for " + matcher);
        }
        if (a instanceof Arrival.Closed c) {
            if (c.malformed() != null) {
                throw violation(List.of(c.malformed()), "the client sent a malformed packet while the broker waited"
                        + " for " + matcher);
            }
            throw fail(c.reason() + " while waiting for " + matcher);
        }
        return verify(matcher, (Arrival.Received) a);
    }

    private <P extends Packet> P verify(PacketMatcher<P> matcher, Arrival.Received r) {
        if (!r.violations().isEmpty()) {
            throw violation(r.violations(), "the client sent a malformed " + r.packet().type());
        }
        String mismatch = matcher.mismatch(r.packet());
        if (mismatch != null) {
            throw fail(mismatch);
        }
        return matcher.type().cast(r.packet());
    }

    /** Packets until the client closes the connection or {@code timeout} passes. */
    public Ending awaitClosure(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Packet> before = new ArrayList<>();
        while (true) {
            Arrival a = poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (a == null) {
                return new Ending(before, false, 0);
            }
            if (a instanceof Arrival.Closed c) {
                if (c.malformed() != null) {
                    throw violation(List.of(c.malformed()), "the client sent a malformed packet");
                }
                return new Ending(before, c.byClient(), c.atNanos());
            }
            Arrival.Received r = (Arrival.Received) a;
            if (!r.violations().isEmpty()) {
                throw violation(r.violations(), "the client sent a malformed " + r.packet().type());
            }
            before.add(r.packet());
        }
    }

    /**
     * How a connection the client should close ended.
     *
     * @param before        the packets the client sent first
     * @param closed        whether the client closed it within the wait
     * @param closedAtNanos when the reader saw the end, or 0
     */
    public record Ending(List<Packet> before, boolean closed, long closedAtNanos) {
    }

    /** The scripted broker drops the connection without a word, as a broker that fails would. */
    public void drop() {
        transcript.event(label, "the scripted broker drops the connection");
        close();
    }

    @Override
    public void close() {
        closingByUs = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // best effort; the reader records the end
        }
    }

    /** Records a failure of this connection's step and returns the error to throw. */
    public AssertionFailedError fail(String message) {
        transcript.failure(label, message);
        return new AssertionFailedError("[" + label + "] " + message);
    }

    private ClientViolation violation(List<Violation> violations, String what) {
        List<String> rules = violations.stream().map(Violation::ruleId).distinct().toList();
        String message = what + ": " + String.join("; ", violations.stream().map(Violation::message).toList());
        transcript.failure(label, message);
        return new ClientViolation(rules, "[" + label + "] " + message);
    }

    private Arrival poll(Duration timeout) {
        if (terminal != null && inbox.isEmpty()) {
            return terminal;
        }
        try {
            Arrival next = inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (next instanceof Arrival.Closed c) {
                terminal = c;
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the client", e);
        }
    }

    private void readLoop() {
        MqttDecoder decoder = new MqttDecoder(DecoderOptions.server().asLenient());
        try {
            Optional<PacketStream.Unreadable> unreadable = new PacketStream().read(socket.getInputStream(), decoder,
                    this::received);
            if (unreadable.isEmpty()) {
                ended(closingByUs ? "connection closed by the scripted broker" : "the client closed the connection",
                        null);
                return;
            }
            Violation v = unreadable.get().violation();
            transcript.in(label, unreadable.get().bytes(), "malformed packet from the client", List.of(v.message()));
            ended("the client sent a malformed packet", v);
            close();
        } catch (IOException e) {
            ended(closingByUs ? "connection closed by the scripted broker"
                    : "the client's connection failed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    null);
        }
    }

    private void received(DecodeResult.Decoded d, byte[] bytes) {
        long at = System.nanoTime();
        Packet p = d.packet();
        transcript.in(label, bytes, p.summary(), d.violations().stream().map(Violation::message).toList());
        arrivals.add(at);
        if (p instanceof Connect c && !connected) {
            version = c.version();
            connected = true;
        }
        if (p instanceof Disconnect) {
            disconnected = true;
        }
        if (p instanceof Pingreq && d.violations().isEmpty() && connected && !disconnected) {
            synchronized (pings) {
                pings.add(at);
                pings.notifyAll();
            }
            if (answerPings) {
                send(Pingresp.INSTANCE);
            }
            return;
        }
        inbox.add(new Arrival.Received(p, d.violations(), at));
    }

    private void ended(String reason, Violation malformed) {
        if (!closingByUs || malformed != null) {
            transcript.event(label, reason);
        }
        inbox.add(new Arrival.Closed(reason, !closingByUs, malformed, System.nanoTime()));
    }
}
