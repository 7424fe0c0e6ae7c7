package dev.mqttkit.conformance.client;

import dev.mqttkit.codec.MqttEncoder;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Pingreq;
import dev.mqttkit.codec.packet.Pingresp;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Pubcomp;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Subscribe;
import dev.mqttkit.conformance.client.Endpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * A packet-level MQTT client for tests, in the manner of OkHttp's MockWebServer: script what to send, exercise the
 * broker, verify what came back. It sends exactly what it is told (also malformed frames), never retries or
 * acknowledges by itself, and records every byte in the test's {@link Transcript}. Every wait is bounded by
 * {@link Timeouts}; absence is proven with a fence ({@link #expectNothing()}), never with a sleep.
 *
 * <p>See MQTT 3.1.1 chapter 3 for the packets and chapter 4 for the flows a test drives.
 */
public final class ScriptedClient implements AutoCloseable {
    private final String conn;
    private final String clientId;
    private final ProtocolVersion version;
    private final Endpoint endpoint;
    private final Transcript transcript;
    private final Timeouts timeouts;
    private final String userName;
    private final Payload password;
    private final MqttEncoder checked;
    private final MqttEncoder unchecked;
    private final List<Connection> connections = new ArrayList<>();
    private Connection current;
    private int nextPacketId = 1;
    private List<String> ownTopicPrefixes;

    /**
     * @param conn     the label of this client in the transcript, e.g. {@code sub}
     * @param clientId the client identifier its default CONNECT uses
     * @param userName the user name every default CONNECT carries, or null
     */
    public ScriptedClient(String conn, String clientId, ProtocolVersion version, Endpoint endpoint,
                          Transcript transcript, Timeouts timeouts, String userName, Payload password) {
        this.conn = conn;
        this.clientId = clientId;
        this.version = version;
        this.endpoint = endpoint;
        this.transcript = transcript;
        this.timeouts = timeouts;
        this.userName = userName;
        this.password = password;
        this.checked = MqttEncoder.of(version);
        this.unchecked = MqttEncoder.unchecked(version);
    }

    public String clientId() {
        return clientId;
    }

    public ProtocolVersion version() {
        return version;
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    /** The CONNECT this client sends by default: its id, clean session, keep-alive 60 s, the configured credentials. */
    public Connect connectPacket() {
        return connectPacket(true, 60);
    }

    /** The default CONNECT with another clean-session flag and keep-alive interval. */
    public Connect connectPacket(boolean cleanSession, int keepAliveSeconds) {
        Connect c = Connect.of(version, clientId, cleanSession, keepAliveSeconds);
        return userName == null ? c : c.withCredentials(userName, password);
    }

    /** Opens a new network connection (closing any previous one) without sending anything. */
    public ScriptedClient open() {
        if (current != null) {
            current.close();
        }
        try {
            current = new Connection(conn, endpoint.open(timeouts.connect()), version, transcript);
        } catch (IOException e) {
            transcript.failure(conn, "cannot connect to " + endpoint.url() + ": " + e.getMessage());
            throw new UncheckedIOException("cannot connect to the broker at " + endpoint.url(), e);
        }
        connections.add(current);
        transcript.event(conn, "connected to " + endpoint.url());
        return this;
    }

    /** Opens a connection, sends the default CONNECT and expects it accepted. */
    public Connack connect() {
        return connect(connectPacket(), true);
    }

    /** Opens a connection, sends {@code connect} and returns the CONNACK, whatever its return code. */
    public Connack connect(Connect connect) {
        return connect(connect, false);
    }

    private Connack connect(Connect connect, boolean mustAccept) {
        open();
        send(connect);
        return mustAccept ? expect(Match.connack(Connack.ACCEPTED)) : expect(Match.connack());
    }

    /** Sends a packet the specification allows; a packet the encoder refuses is a bug in the test. */
    public void send(Packet packet) {
        write(checked.encode(packet), packet.summary());
    }

    /** Sends a packet as it is, also one that breaks a rule (reserved values, wildcards in a topic name...). */
    public void sendUnchecked(Packet packet) {
        write(unchecked.encode(packet), packet.summary() + " [unchecked]");
    }

    /** Sends raw bytes, e.g. a {@link dev.mqttkit.codec.RawFrame}; {@code description} is what the transcript shows. */
    public void sendRaw(byte[] bytes, String description) {
        write(bytes, description);
    }

    private void write(byte[] bytes, String summary) {
        if (current == null) {
            throw new IllegalStateException("open() or connect() first");
        }
        current.write(bytes, summary);
    }

    /**
     * Ignores PUBLISH packets on topics outside these prefixes: a client subscribed to {@code #} on a shared broker
     * sees everyone's traffic. Ignored packets stay in the transcript.
     */
    public ScriptedClient ignoringTopicsOutside(String... prefixes) {
        this.ownTopicPrefixes = List.of(prefixes);
        return this;
    }

    private boolean foreign(Inbound i) {
        return ownTopicPrefixes != null && i instanceof Inbound.Received r && r.packet() instanceof Publish p
                && ownTopicPrefixes.stream().noneMatch(p.topic()::startsWith);
    }

    /** The next event that is not foreign traffic, or null on timeout. */
    private Inbound poll(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Inbound i = connection().poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (!foreign(i)) {
                return i;
            }
        }
    }

    public int nextPacketId() {
        int id = nextPacketId;
        nextPacketId = nextPacketId == 0xFFFF ? 1 : nextPacketId + 1;
        return id;
    }

    /** The next packet within {@code timeout}; empty on timeout or when the connection has ended. */
    public Optional<Packet> takePacket(Duration timeout) {
        Inbound i = poll(timeout);
        return i instanceof Inbound.Received r ? Optional.of(r.packet()) : Optional.empty();
    }

    /** Waits for the next packet and fails unless it matches; a packet breaking a rule fails with the violation. */
    public <P extends Packet> P expect(PacketMatcher<P> matcher) {
        Inbound i = poll(timeouts.expect());
        if (i == null) {
            throw fail("timed out after " + timeouts.expect().toMillis() + " ms waiting for " + matcher);
        }
        if (i instanceof Inbound.Closed c) {
            throw fail(c.reason() + " while waiting for " + matcher + malformedSuffix(c));
        }
        Inbound.Received r = (Inbound.Received) i;
        if (!r.violations().isEmpty()) {
            throw fail("the broker sent a malformed " + r.packet().type() + ": " + String.join("; ", r.violations()));
        }
        String mismatch = matcher.mismatch(r.packet());
        if (mismatch != null) {
            throw fail(mismatch);
        }
        return matcher.type().cast(r.packet());
    }

    /** Expects the broker to close the connection, without sending anything first. */
    public void expectClosed() {
        Closure c = awaitClosure(timeouts.closure());
        if (!c.before().isEmpty()) {
            throw fail("expected the connection to be closed but received " + c.before().get(0).summary());
        }
        if (!c.closed()) {
            throw fail("the connection is still open " + timeouts.closure().toMillis() + " ms later");
        }
    }

    /** Collects packets until the broker closes the connection or {@code timeout} passes. */
    public Closure awaitClosure(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Packet> before = new ArrayList<>();
        while (true) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            Inbound i = poll(left);
            if (i == null) {
                return new Closure(before, false, null);
            }
            if (i instanceof Inbound.Closed c) {
                return new Closure(before, c.byBroker(), c.malformed());
            }
            before.add(((Inbound.Received) i).packet());
        }
    }

    /**
     * Proves that nothing is pending for this client: sends PINGREQ and expects PINGRESP as the very next packet.
     * Used after an event that would have caused a delivery (e.g. the publisher's acknowledgement) to show it did not.
     */
    public void expectNothing() {
        List<Packet> before = fence();
        if (!before.isEmpty()) {
            throw fail("expected nothing but received " + before.get(0).summary() + " before the PINGRESP fence");
        }
    }

    /** Sends PINGREQ and returns every packet that arrives before the PINGRESP. */
    public List<Packet> fence() {
        send(Pingreq.INSTANCE);
        List<Packet> before = new ArrayList<>();
        while (true) {
            Packet p = expect(Match.any());
            if (p instanceof Pingresp) {
                return before;
            }
            before.add(p);
        }
    }

    /** Subscribes to one filter, expects the SUBACK and returns its return code. */
    public int subscribe(String filter, Qos qos) {
        int id = nextPacketId();
        send(Subscribe.of(id, filter, qos));
        Suback s = expect(Match.suback(id));
        if (s.returnCodes().size() != 1) {
            throw fail("SUBACK for one filter carries " + s.returnCodes().size() + " return codes");
        }
        return s.returnCodes().get(0);
    }

    /** Publishes and completes the sender's side of the QoS flow; returns the packet id (0 for QoS 0). */
    public int publish(String topic, String payload, Qos qos, boolean retain) {
        int id = qos == Qos.AT_MOST_ONCE ? 0 : nextPacketId();
        send(new Publish(false, qos, retain, topic, id, Payload.utf8(payload)));
        if (qos == Qos.AT_LEAST_ONCE) {
            expect(Match.puback(id));
        } else if (qos == Qos.EXACTLY_ONCE) {
            expect(Match.pubrec(id));
            send(new Pubrel(id));
            expect(Match.pubcomp(id));
        }
        return id;
    }

    /** Expects a PUBLISH and completes the receiver's side of its QoS flow. */
    public Publish receive(PacketMatcher<Publish> matcher) {
        Publish p = expect(matcher);
        if (p.qos() == Qos.AT_LEAST_ONCE) {
            send(new Puback(p.packetId()));
        } else if (p.qos() == Qos.EXACTLY_ONCE) {
            send(new Pubrec(p.packetId()));
            expect(Match.pubrel(p.packetId()));
            send(new Pubcomp(p.packetId()));
        }
        return p;
    }

    /** Sends DISCONNECT and closes the socket: a normal end. */
    public void disconnect() {
        send(dev.mqttkit.codec.packet.Disconnect.INSTANCE);
        close();
    }

    /** Closes the socket without DISCONNECT: an abnormal end, as far as the broker can tell. */
    public void dropConnection() {
        transcript.event(conn, "client closes the socket without DISCONNECT");
        close();
    }

    public boolean isConnected() {
        return current != null && !current.isClosed();
    }

    /**
     * Fails when packets arrived that the test never took. Connections the test ended itself (disconnect, drop,
     * reconnect) are exempt: what the broker sent while the client was leaving is no longer the test's business.
     */
    public void verifyNothingUnexpected() {
        for (Connection c : connections) {
            if (c.closedByClient()) {
                continue;
            }
            List<Inbound.Received> left = c.unconsumed().stream().filter(r -> !foreign(r)).toList();
            if (!left.isEmpty()) {
                throw fail("unexpected " + left.get(0).packet().summary() + " (never expected by the test)");
            }
        }
    }

    /** Records a failure of this client's step in the transcript and returns the error to throw. */
    public AssertionFailedError fail(String message) {
        transcript.failure(conn, message);
        return new AssertionFailedError("[" + conn + "] " + message);
    }

    private Connection connection() {
        if (current == null) {
            throw new IllegalStateException("open() or connect() first");
        }
        return current;
    }

    private static String malformedSuffix(Inbound.Closed c) {
        return c.malformed() == null ? "" : ": " + c.malformed();
    }

    @Override
    public void close() {
        for (Connection c : connections) {
            c.close();
        }
    }
}
