package dev.mqttkit.conformance.client;

import dev.mqttkit.codec.MqttEncoder;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Disconnect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Pingreq;
import dev.mqttkit.codec.packet.Pingresp;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/**
 * A packet-level MQTT client for tests, in the manner of OkHttp's MockWebServer: script what to send, exercise the
 * broker, verify what came back. It sends exactly what it is told (also malformed frames), never retries or
 * acknowledges by itself, and records every byte in the test's {@link Transcript}. Every wait is bounded by
 * {@link Timeouts}; absence is proven with a fence on the connection itself ({@link #expectNothing()}) or, for
 * messages other connections publish, with a quiet period measured in this run ({@link #expectNothingDelivered()}),
 * never with a sleep. The QoS flows ({@code subscribe}, {@code publish}, {@code receive}) live in {@link Flows}.
 *
 * <p>See MQTT 3.1.1 chapter 3 for the packets and chapter 4 for the flows a test drives.
 */
public final class ScriptedClient extends Flows implements AutoCloseable {
    private final String conn;
    private final String clientId;
    private final ProtocolVersion version;
    private final ClientContext context;
    private final MqttEncoder checked;
    private final MqttEncoder unchecked;
    private final List<Connection> connections = new ArrayList<>();
    private final Inbox inbox = new Inbox();
    /** Packets already reported as arriving early, so a packet kept through several waits is reported once. */
    private final Set<Inbound> announced = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * @param conn     the label of this client in the transcript, e.g. {@code sub}
     * @param clientId the client identifier its default CONNECT uses
     */
    public ScriptedClient(String conn, String clientId, ProtocolVersion version, ClientContext context) {
        this.conn = conn;
        this.clientId = clientId;
        this.version = version;
        this.context = context;
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
        return context.timeouts();
    }

    /** How long after a fence this run waits before it calls anything absent ({@link DeliveryLatency}). */
    public Duration quietPeriod() {
        return context.latency().quietPeriod();
    }

    /** The CONNECT this client sends by default: its id, clean session, keep-alive 60 s, the configured credentials. */
    public Connect connectPacket() {
        return connectPacket(true, 60);
    }

    /** The default CONNECT with another clean-session flag and keep-alive interval. */
    public Connect connectPacket(boolean cleanSession, int keepAliveSeconds) {
        Connect c = Connect.of(version, clientId, cleanSession, keepAliveSeconds);
        ClientContext.Credentials credentials = context.credentials();
        return credentials.userName() == null ? c : c.withCredentials(credentials.userName(), credentials.password());
    }

    /** Opens a new network connection (closing any previous one) without sending anything. */
    public ScriptedClient open() {
        if (inbox.isOpen()) {
            inbox.connection().close();
        }
        Endpoint endpoint = context.endpoint();
        Connection c;
        try {
            c = new Connection(conn, endpoint.open(timeouts().connect(), version), version, context.transcript(),
                    context.listener());
            connections.add(c);
            inbox.switchTo(c);
        } catch (IOException e) {
            context.transcript().failure(conn, "cannot connect to " + endpoint.url() + ": " + e.getMessage());
            throw new UncheckedIOException("cannot connect to the broker at " + endpoint.url(), e);
        }
        context.transcript().event(conn, "connected to " + endpoint.url() + c.webSocket()
                .map(ws -> " (WebSocket subprotocol offered " + ws.offeredSubprotocol() + ", selected "
                        + (ws.selectedSubprotocol().isEmpty() ? "none" : ws.selectedSubprotocol()) + ")")
                .orElse(""));
        return this;
    }

    /** Whether this client's connections carry MQTT in WebSocket frames ({@code ws://}, {@code wss://} targets). */
    public boolean overWebSocket() {
        return context.endpoint().webSocket();
    }

    /** The WebSocket under the current connection, for the tests of MQTT 3.1.1 chapter 6; empty over TCP. */
    public Optional<WebSocketControl> webSocket() {
        return inbox.connection().webSocket();
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
        return mustAccept ? handshake(connect) : sendAndExpectConnack(connect);
    }

    /**
     * Sends {@code connect} on the connection {@link #open()} opened and expects it accepted, as {@link #connect()}
     * does; for tests that time from the moment the CONNECT leaves.
     */
    public Connack handshake(Connect connect) {
        send(connect);
        return FlowViolation.during(CONNACK, () -> expect(Match.connack(Connack.ACCEPTED)));
    }

    private Connack sendAndExpectConnack(Connect connect) {
        send(connect);
        return expect(Match.connack());
    }

    /** Sends a packet the specification allows; a packet the encoder refuses is a bug in the test. */
    @Override
    public void send(Packet packet) {
        write(checked.encode(packet), packet);
    }

    /** Sends a packet as it is, also one that breaks a rule (reserved values, wildcards in a topic name...). */
    public void sendUnchecked(Packet packet) {
        write(unchecked.encode(packet), packet);
    }

    /** Sends raw bytes, e.g. a {@link dev.mqttkit.codec.RawFrame}; {@code description} is what the transcript shows. */
    public void sendRaw(byte[] bytes, String description) {
        inbox.connection().write(bytes, description);
    }

    private void write(byte[] bytes, Packet packet) {
        Connection c = inbox.connection();
        c.write(bytes, packet.summary());
        context.listener().sent(conn, packet, System.nanoTime());
    }

    /**
     * Ignores PUBLISH packets on topics outside these prefixes: a client subscribed to {@code #} on a shared broker
     * sees everyone's traffic. Ignored packets stay in the transcript.
     */
    public ScriptedClient ignoringTopicsOutside(String... prefixes) {
        inbox.ownTopics(List.of(prefixes));
        return this;
    }

    /** The next packet within {@code timeout}; empty on timeout or when the connection has ended. */
    public Optional<Packet> takePacket(Duration timeout) {
        Inbound i = inbox.poll(timeout);
        return i instanceof Inbound.Received r ? Optional.of(r.packet()) : Optional.empty();
    }

    /**
     * The next packet within the run's quiet period ({@link DeliveryLatency}): for messages that may or may not come,
     * such as QoS 0 messages a broker may drop, after the ones that must come have arrived.
     */
    public Optional<Packet> takeWithinQuietPeriod() {
        return takePacket(quietPeriod());
    }

    /** Waits for the next packet and fails unless it matches; a packet breaking a rule fails with the violation. */
    @Override
    public <P extends Packet> P expect(PacketMatcher<P> matcher) {
        return checked(next(matcher.toString()), matcher);
    }

    /**
     * Waits for the broker's answer to a request of this client (SUBACK, UNSUBACK, PUBACK, PUBREC, PUBREL, PUBCOMP).
     * PUBLISH packets that arrive first are set aside for the test's next {@code expect}: a broker may send retained
     * messages before the SUBACK (MQTT 3.1.1 section 3.8.4), go on delivering buffered messages before the UNSUBACK
     * (3.10.4), and deliver messages of other topics at any point of a flow.
     */
    @Override
    public <P extends Packet> P expectResponse(PacketMatcher<P> matcher) {
        List<Inbound.Received> early = new ArrayList<>();
        try {
            while (true) {
                Inbound.Received r = next(matcher.toString());
                if (r.packet() instanceof Publish p && !matcher.type().isInstance(p)) {
                    early.add(r);
                    if (announced.add(r)) {
                        context.transcript().event(conn, p.summary() + " arrived before the " + matcher.name()
                                + "; kept for the test's next step");
                        context.listener().arrivedEarly(conn, p, matcher.name());
                    }
                    continue;
                }
                return checked(r, matcher);
            }
        } finally {
            inbox.putBack(early);
        }
    }

    private Inbound.Received next(String awaited) {
        Duration wait = timeouts().expect();
        Inbound i = inbox.poll(wait);
        if (i == null) {
            throw noAnswer("timed out after " + wait.toMillis() + " ms waiting for " + awaited);
        }
        if (i instanceof Inbound.Closed c) {
            throw noAnswer(c.reason() + " while waiting for " + awaited
                    + (c.malformed() == null ? "" : ": " + c.malformed()));
        }
        return (Inbound.Received) i;
    }

    /** Checks a packet the test already took, e.g. with {@link #takePacket}; fails unless it matches. */
    public <P extends Packet> P verify(PacketMatcher<P> matcher, Packet packet) {
        String mismatch = matcher.mismatch(packet);
        if (mismatch != null) {
            throw fail(mismatch);
        }
        return matcher.type().cast(packet);
    }

    private <P extends Packet> P checked(Inbound.Received r, PacketMatcher<P> matcher) {
        if (!r.violations().isEmpty()) {
            throw fail("the broker sent a malformed " + r.packet().type() + ": " + String.join("; ", r.violations()));
        }
        String mismatch = matcher.mismatch(r.packet());
        if (mismatch != null) {
            throw fail(mismatch);
        }
        return matcher.type().cast(r.packet());
    }

    /**
     * Expects the broker to close the connection without answering first; a DISCONNECT that only announces the close
     * ({@link Closure#announcesClose}) is no answer.
     */
    public void expectClosed() {
        Closure c = awaitClosure(timeouts().closure());
        Optional<Packet> answer = c.before().stream().filter(p -> !Closure.announcesClose(p)).findFirst();
        if (answer.isPresent()) {
            throw fail("expected the connection to be closed but received " + answer.get().summary());
        }
        if (!c.closed()) {
            throw fail("the connection is still open " + timeouts().closure().toMillis() + " ms later");
        }
    }

    /** The first packet, or the end of the connection, whichever comes first within {@code timeout}. */
    public Closure awaitAnswer(Duration timeout) {
        Inbound i = inbox.poll(timeout);
        if (i instanceof Inbound.Received r) {
            return new Closure(List.of(r.packet()), false, null, 0);
        }
        if (i instanceof Inbound.Closed c) {
            return new Closure(List.of(), c.byBroker(), c.malformed(), c.atNanos());
        }
        return new Closure(List.of(), false, null, 0);
    }

    /** Collects packets until the broker closes the connection or {@code timeout} passes. */
    public Closure awaitClosure(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Packet> before = new ArrayList<>();
        while (true) {
            Inbound i = inbox.poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (i == null) {
                return new Closure(before, false, null, 0);
            }
            if (i instanceof Inbound.Closed c) {
                return new Closure(before, c.byBroker(), c.malformed(), c.atNanos());
            }
            before.add(((Inbound.Received) i).packet());
        }
    }

    /**
     * Proves that nothing is pending on this connection: sends PINGREQ and expects PINGRESP as the very next packet.
     * It orders packets on this connection only; for messages other connections publish, see
     * {@link #expectNothingDelivered()}.
     */
    public void expectNothing() {
        List<Packet> before = fence();
        if (!before.isEmpty()) {
            throw fail("expected nothing but received " + before.get(0).summary() + " before the PINGRESP fence");
        }
    }

    /**
     * Proves, as far as the wire allows, that no message another connection published reaches this client: nothing
     * before a PINGRESP fence, then nothing for the run's quiet period ({@link DeliveryLatency}).
     */
    public void expectNothingDelivered() {
        expectNothing();
        Duration quiet = context.latency().quietPeriod();
        Optional<Packet> late = takePacket(quiet);
        if (late.isPresent()) {
            throw fail("expected nothing but received " + late.get().summary() + " within the quiet period of "
                    + context.latency().describe());
        }
        context.transcript().event(conn, "nothing delivered within the quiet period of "
                + context.latency().describe());
    }

    /** Sends PINGREQ and returns every packet that arrives before the PINGRESP. */
    @Override
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

    /** Sends DISCONNECT and closes the socket: a normal end. */
    /**
     * DISCONNECT, then the socket closed once the broker has closed its side or the quiet period has passed
     * (see {@code Connection.leave}).
     */
    public void disconnect() {
        send(Disconnect.INSTANCE);
        inbox.connection().leave(quietPeriod());
        close();
    }

    /** Closes the socket without DISCONNECT: an abnormal end, as far as the broker can tell. */
    public void dropConnection() {
        context.transcript().event(conn, "client closes the socket without DISCONNECT");
        close();
    }

    public boolean isConnected() {
        return inbox.isOpen();
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
            List<Inbound.Received> left = inbox.untaken(c);
            if (!left.isEmpty()) {
                throw fail("unexpected " + left.get(0).packet().summary() + " (never expected by the test)");
            }
        }
    }

    /** Records a failure of this client's step in the transcript and returns the error to throw. */
    @Override
    public AssertionFailedError fail(String message) {
        context.transcript().failure(conn, message);
        return new AssertionFailedError("[" + conn + "] " + message);
    }

    private NoAnswer noAnswer(String message) {
        context.transcript().failure(conn, message);
        return new NoAnswer("[" + conn + "] " + message);
    }

    @Override
    public void close() {
        for (Connection c : connections) {
            c.close();
        }
    }
}
