package dev.mqttkit.broker.protocol;

import dev.mqttkit.broker.session.Session;
import dev.mqttkit.codec.packet.Will;
import java.util.Optional;

/**
 * The protocol state of one network connection: awaiting CONNECT, then connected to a session, then closed, and
 * never back. (A deliberate fault may instead leave a CONNECT unanswered: nothing the connection sends is acted upon
 * until it closes.) Confined to the protocol thread.
 */
public final class Connection {
    private enum State { AWAITING_CONNECT, CONNECTED, UNANSWERED, CLOSED }

    private final Link link;
    private State state = State.AWAITING_CONNECT;
    private String clientId;
    private Session session;
    private Will will;

    Connection(Link link) {
        this.link = link;
    }

    Link link() {
        return link;
    }

    public boolean isAwaitingConnect() {
        return state == State.AWAITING_CONNECT;
    }

    public boolean isConnected() {
        return state == State.CONNECTED;
    }

    public boolean isClosed() {
        return state == State.CLOSED;
    }

    /** Whether a deliberate fault left its CONNECT unanswered. */
    public boolean isUnanswered() {
        return state == State.UNANSWERED;
    }

    /** A deliberate fault leaves the CONNECT unanswered: from now on nothing is acted upon. */
    void leaveUnanswered() {
        if (state != State.AWAITING_CONNECT) {
            throw new IllegalStateException("leaveUnanswered in state " + state);
        }
        state = State.UNANSWERED;
    }

    /** The CONNECT was accepted: the connection now serves {@code s} for {@code id}, holding {@code w} (or null). */
    void accept(String id, Session s, Will w) {
        if (state != State.AWAITING_CONNECT) {
            throw new IllegalStateException("accept in state " + state);
        }
        this.clientId = id;
        this.session = s;
        this.will = w;
        this.state = State.CONNECTED;
    }

    /** Moves to closed; returns whether the connection was connected (false when it already was closed). */
    boolean close() {
        boolean wasConnected = state == State.CONNECTED;
        state = State.CLOSED;
        return wasConnected;
    }

    /** The will, removed: it can be published at most once. */
    Optional<Will> takeWill() {
        Optional<Will> w = Optional.ofNullable(will);
        will = null;
        return w;
    }

    /** Forgets the will without publishing it (DISCONNECT, takeover) [MQTT-3.1.2-10]. */
    void discardWill() {
        will = null;
    }

    /** The session served; only once connected. */
    Session session() {
        if (session == null) {
            throw new IllegalStateException("no session before CONNECT is accepted");
        }
        return session;
    }

    String clientId() {
        return clientId;
    }

    /** The client identifier once connected, else the peer's address: the name log lines use. */
    public String name() {
        return clientId != null ? clientId : link.remoteHost();
    }
}
