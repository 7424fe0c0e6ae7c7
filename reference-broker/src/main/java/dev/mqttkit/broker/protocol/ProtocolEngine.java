package dev.mqttkit.broker.protocol;

import dev.mqttkit.broker.session.Session;
import dev.mqttkit.codec.ClientIdentifiers;
import dev.mqttkit.codec.Rule;
import dev.mqttkit.codec.Violation;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Disconnect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Pingreq;
import dev.mqttkit.codec.packet.Pingresp;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Pubcomp;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Subscribe;
import dev.mqttkit.codec.packet.Subscription;
import dev.mqttkit.codec.packet.Unsuback;
import dev.mqttkit.codec.packet.Unsubscribe;
import dev.mqttkit.codec.packet.Will;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The broker's protocol logic: decoded packets and connection events in, packets and closes out through each
 * connection's {@link Link}. No I/O and no threads of its own; every method must be called from one thread (the
 * networking layer's event loop), which is what makes the state here safe without locks.
 *
 * <p>Decisions where MQTT 3.1.1 leaves room: a takeover closes the older connection without publishing its will (the
 * session lives on); a zero-length client id with CleanSession=1 is given a unique generated id; QoS 0 messages are
 * not queued for offline persistent sessions.
 */
public final class ProtocolEngine {
    private final FaultPolicy faults;
    private final BrokerLog log;
    private final Router router;
    private final Authenticator authenticator;
    private final SessionTable sessions;

    /** @param scheduler runs the engine's own delayed work (only deliberate faults have any) */
    public ProtocolEngine(EngineSettings settings, Scheduler scheduler) {
        this.faults = settings.faults();
        this.log = settings.log();
        this.router = new Router(faults, log, scheduler);
        this.authenticator = new Authenticator(settings.passwords());
        this.sessions = new SessionTable(router, settings.limits());
    }

    public BrokerLog log() {
        return log;
    }

    /** A new network connection; it must send CONNECT first. */
    public Connection open(Link link) {
        return new Connection(link);
    }

    /** A packet decoded from the connection. */
    public void received(Connection c, Packet packet) {
        if (c.isClosed() || c.isUnanswered()) {
            return;
        }
        if (c.isAwaitingConnect()) {
            if (packet instanceof Connect connect) {
                if (faults.answersConnect()) {
                    connect(c, connect);
                } else {
                    c.leaveUnanswered();
                }
            } else {
                log.event(BrokerLog.Event.PROTOCOL_ERROR, "Client " + c.name() + " sent " + packet.type()
                        + " before CONNECT, disconnecting.");
                close(c, false); // MQTT-3.1.0-1
            }
            return;
        }
        log.packet("Received", "from", c.name(), packet);
        Session session = c.session();
        if (packet instanceof Publish p) {
            publish(c, p);
        } else if (packet instanceof Puback a) {
            if (session.acknowledge(a.packetId())) {
                router.drain(session);
            }
        } else if (packet instanceof Pubrec r) {
            if (session.received(r.packetId())) {
                router.send(c, new Pubrel(r.packetId()));
            }
        } else if (packet instanceof Pubrel r) {
            session.releaseQos2(r.packetId());
            router.send(c, new Pubcomp(r.packetId()));
        } else if (packet instanceof Pubcomp a) {
            if (session.complete(a.packetId())) {
                router.drain(session);
            }
        } else if (packet instanceof Subscribe s) {
            subscribe(c, s);
        } else if (packet instanceof Unsubscribe u) {
            unsubscribe(c, u);
        } else if (packet instanceof Pingreq) {
            if (faults.answersPingreq()) {
                router.send(c, Pingresp.INSTANCE);
            }
        } else if (packet instanceof Disconnect) {
            if (!faults.keepsWillAfterDisconnect()) {
                c.discardWill(); // MQTT-3.1.2-10
            }
            log.info("Client " + c.name() + " disconnected.");
            close(c, true);
        } else if (packet instanceof Connect) {
            secondConnect(c);
        } else {
            log.event(BrokerLog.Event.PROTOCOL_ERROR, "Client " + c.name() + " sent " + packet.type()
                    + ", which only a server sends; disconnecting.");
            close(c, true);
        }
    }

    /** The connection's bytes broke a rule: close it (MQTT 3.1.1 section 4.8), answering 0x01 for a bad level. */
    public void malformed(Connection c, Violation violation) {
        if (c.isClosed() || c.isUnanswered()) {
            return;
        }
        faults.malformedPacketReceived();
        if (c.isAwaitingConnect() && violation.rule() == Rule.PROTOCOL_LEVEL) {
            router.send(c, Connack.refused(Connack.UNACCEPTABLE_PROTOCOL_VERSION)); // MQTT-3.1.2-2
        }
        log.event(BrokerLog.Event.PROTOCOL_ERROR, "Client " + c.name() + " sent a malformed packet ("
                + violation.message() + "), disconnecting.");
        close(c, true);
    }

    /** The transport under the connection broke a rule of its own, e.g. a text WebSocket frame: close it. */
    public void transportViolation(Connection c, String what) {
        if (c.isClosed()) {
            return;
        }
        log.event(BrokerLog.Event.PROTOCOL_ERROR, "Client " + c.name() + " sent " + what + ", disconnecting.");
        close(c, true);
    }

    /** No CONNECT arrived within the connect timeout. */
    public void connectTimedOut(Connection c) {
        if (!c.isAwaitingConnect()) {
            return;
        }
        log.event(BrokerLog.Event.TIMED_OUT, "Connection from " + c.name() + " sent no CONNECT in time, "
                + "disconnecting.");
        close(c, false);
    }

    /** Nothing arrived within the keep-alive deadline the engine set through {@link Link#expectTrafficWithin}. */
    public void keepAliveExpired(Connection c) {
        if (c.isClosed()) {
            return;
        }
        log.event(BrokerLog.Event.TIMED_OUT, "Client " + c.name() + " has exceeded timeout, disconnecting.");
        close(c, true);
    }

    /** The network connection ended (peer close or I/O error) without the protocol logic closing it. */
    public void closed(Connection c) {
        if (c.isClosed()) {
            return;
        }
        log.info(c.isConnected() ? "Client " + c.name() + " closed its connection." : "Connection from "
                + c.name() + " closed before CONNECT.");
        close(c, true);
    }

    /** The connection's write buffer has room again: send what waited. */
    public void writable(Connection c) {
        if (c.isConnected()) {
            router.drain(c.session());
        }
    }

    private void connect(Connection c, Connect connect) {
        ProtocolVersion version = connect.version();
        if (!faults.servesVersion(version)) {
            log.event(BrokerLog.Event.REFUSED, "Refused connection from " + c.link().remoteHost() + ": "
                    + version + " is not served, closing without CONNACK.");
            close(c, false); // MQTT-3.1.2-1 allows it for a protocol name the server does not accept
            return;
        }
        String clientId = connect.clientId();
        if (ClientIdentifiers.check(version, clientId, connect.cleanSession()).isPresent()) {
            refuse(c, Connack.IDENTIFIER_REJECTED); // MQTT-3.1.3-8, 3.1 section 3.1
            return;
        }
        int authentication = authenticator.check(connect);
        if (authentication != Connack.ACCEPTED) {
            refuse(c, authentication);
            return;
        }
        if (clientId.isEmpty()) {
            clientId = "auto-" + UUID.randomUUID();
        }
        Connection older = sessions.owner(clientId);
        if (older != null && faults.takesOverExistingConnection()) {
            log.info("Client " + clientId + " already connected, closing old connection.");
            older.discardWill();
            close(older, false); // MQTT-3.1.4-2
        }
        SessionTable.Opened opened = sessions.open(clientId, connect.cleanSession());
        c.accept(clientId, opened.session(), connect.will());
        sessions.own(c);
        log.info("New client connected from " + c.link().remoteHost() + " as " + clientId + " (c"
                + (connect.cleanSession() ? 1 : 0) + ", k" + connect.keepAliveSeconds()
                + (connect.userName() != null ? ", u'" + connect.userName() + "'" : "") + ").");
        c.link().expectTrafficWithin(connect.keepAliveSeconds() > 0
                ? faults.keepAliveDeadlineMillis(connect.keepAliveSeconds()) : 0); // MQTT-3.1.2-24
        boolean present = version == ProtocolVersion.MQTT_3_1_1 && faults.sessionPresent(opened.resumed());
        router.send(c, Connack.accepted(present));
        router.resume(opened.session(), c);
    }

    private void refuse(Connection c, int code) {
        router.send(c, Connack.refused(code));
        log.event(BrokerLog.Event.REFUSED, "Refused connection from " + c.link().remoteHost() + ": "
                + Connack.describe(code) + ".");
        close(c, false);
    }

    private void secondConnect(Connection c) {
        if (faults.answersSecondConnect()) {
            router.send(c, Connack.accepted(false));
            return;
        }
        log.event(BrokerLog.Event.PROTOCOL_ERROR, "Client " + c.name() + " sent a second CONNECT, disconnecting.");
        close(c, true); // MQTT-3.1.0-2
    }

    private void publish(Connection c, Publish p) {
        switch (p.qos()) {
            case AT_MOST_ONCE -> router.publish(p, c.session());
            case AT_LEAST_ONCE -> {
                router.publish(p, c.session());
                router.send(c, new Puback(p.packetId()));
            }
            case EXACTLY_ONCE -> {
                boolean first = c.session().receiveQos2(p.packetId());
                if (first || faults.deliversResentQos2()) {
                    router.publish(p, c.session()); // MQTT-4.3.3-2: deliver once per packet id until PUBREL
                }
                router.send(c, faults.qos2Receipt(p.packetId()));
            }
        }
    }

    private void subscribe(Connection c, Subscribe s) {
        List<Integer> codes = new ArrayList<>(s.subscriptions().size());
        for (Subscription sub : s.subscriptions()) {
            router.subscribe(c.session(), sub);
            codes.add(sub.qos().value());
        }
        Suback suback = new Suback(s.packetId(), codes);
        boolean retainedFirst = faults.retainedBeforeSuback(); // section 3.8.4 permits either order
        if (!retainedFirst) {
            router.send(c, suback);
        }
        for (Subscription sub : s.subscriptions()) {
            router.sendRetained(c.session(), sub);
        }
        if (retainedFirst) {
            router.send(c, suback);
        }
    }

    private void unsubscribe(Connection c, Unsubscribe u) {
        boolean any = false;
        for (String filter : u.filters()) {
            any |= router.unsubscribe(c.session(), filter);
        }
        if (faults.answersUnsubscribe(any)) {
            router.send(c, new Unsuback(u.packetId())); // MQTT-3.10.4-5
        }
    }

    /** Ends a connection's protocol life: will (if asked and held), session hand-back, then the socket. */
    private void close(Connection c, boolean abnormal) {
        if (c.isClosed()) {
            return;
        }
        boolean wasConnected = c.close();
        c.link().expectTrafficWithin(0);
        c.link().close();
        if (!wasConnected) {
            return;
        }
        sessions.release(c);
        c.takeWill().filter(w -> abnormal && faults.publishesWillOnAbnormalClose())
                .ifPresent(w -> publishWill(w, c.session()));
    }

    /** Publishes a will on behalf of the client whose session was {@code origin}. */
    private void publishWill(Will will, Session origin) {
        boolean retain = faults.willRetainFlag(will.retain());
        router.publish(new Publish(false, will.qos(), retain, will.topic(), 0, will.message()), origin);
    }

    /** Number of sessions held, online or not; for tests and diagnostics. */
    public int sessionCount() {
        return sessions.size();
    }

    public int subscriptionCount() {
        return router.subscriptionCount();
    }
}
