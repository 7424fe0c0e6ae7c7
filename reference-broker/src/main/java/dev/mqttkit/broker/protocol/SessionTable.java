package dev.mqttkit.broker.protocol;

import dev.mqttkit.broker.session.Session;
import dev.mqttkit.broker.session.SessionLimits;
import java.util.HashMap;
import java.util.Map;

/**
 * Sessions by client identifier [MQTT-3.1.3-2], and the connection that currently owns each identifier. A session
 * outlives its connection unless it is clean (MQTT 3.1.1 section 3.1.2.4).
 */
final class SessionTable {
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Connection> owners = new HashMap<>();
    private final Router router;
    private final SessionLimits limits;

    /** A session for a new connection, and whether it was resumed (what CONNACK's session-present reports). */
    record Opened(Session session, boolean resumed) {
    }

    SessionTable(Router router, SessionLimits limits) {
        this.router = router;
        this.limits = limits;
    }

    /** The connection using {@code clientId}, or null. */
    Connection owner(String clientId) {
        return owners.get(clientId);
    }

    /**
     * The stored session when the client and the stored session both keep state (CleanSession=0), else a new one,
     * discarding the stored session [MQTT-3.1.2-4, MQTT-3.1.2-6].
     */
    Opened open(String clientId, boolean clean) {
        Session existing = sessions.get(clientId);
        if (existing != null && !clean && !existing.clean()) {
            return new Opened(existing, true);
        }
        if (existing != null) {
            discard(existing);
        }
        Session created = new Session(clientId, clean, limits);
        sessions.put(clientId, created);
        return new Opened(created, false);
    }

    /** Makes {@code c} the owner of its client identifier and the route to its session. */
    void own(Connection c) {
        owners.put(c.clientId(), c);
        router.attach(c.session(), c);
    }

    /** {@code c} has ended: it no longer owns its identifier, and a clean session it held ends with it. */
    void release(Connection c) {
        Session session = c.session();
        owners.remove(c.clientId(), c);
        router.detach(session, c);
        if (session.clean() && sessions.get(c.clientId()) == session && router.connectionOf(session) == null) {
            discard(session);
        }
    }

    private void discard(Session session) {
        sessions.remove(session.clientId(), session);
        router.discard(session);
    }

    int size() {
        return sessions.size();
    }
}
