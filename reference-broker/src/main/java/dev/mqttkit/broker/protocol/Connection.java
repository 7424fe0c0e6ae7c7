package dev.mqttkit.broker.protocol;

import dev.mqttkit.broker.session.Session;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Will;

/** The protocol state of one network connection. Confined to the protocol thread. */
public final class Connection {
    enum State { AWAITING_CONNECT, CONNECTED, CLOSED }

    final Link link;
    State state = State.AWAITING_CONNECT;
    ProtocolVersion version;
    Session session;
    Will will;
    String clientId;

    Connection(Link link) {
        this.link = link;
    }

    public boolean isClosed() {
        return state == State.CLOSED;
    }

    public boolean isConnected() {
        return state == State.CONNECTED;
    }

    /** The client identifier once connected, else the peer's address: the name log lines use. */
    public String name() {
        return clientId != null ? clientId : link.remoteHost();
    }

    public ProtocolVersion version() {
        return version;
    }
}
