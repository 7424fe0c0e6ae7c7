package dev.mqttkit.broker.protocol;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.Fault;
import dev.mqttkit.broker.routing.RetainedStore;
import dev.mqttkit.broker.routing.TopicTree;
import dev.mqttkit.broker.session.Session;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Qos;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Application messages from publisher to subscribers: subscription matching, retained messages, the per-session
 * in-flight window and queue, and redelivery on reconnect.
 *
 * <p>Drop policy: a session holds at most {@code maxInflightMessages} unacknowledged QoS 1/2 messages and at most
 * {@code maxQueuedMessages} further messages waiting (while the window is full, the connection's write buffer is full,
 * or the client is offline with a persistent session). A message that finds the queue full is dropped, newest first,
 * and logged; QoS 0 messages are not queued for offline clients at all. Messages already queued keep their order.
 */
final class Router {
    private final BrokerConfig config;
    private final BrokerLog log;
    private final TopicTree<Session, Qos> subscriptions;
    private final RetainedStore<Publish> retained;
    private final Map<Session, Connection> online = new IdentityHashMap<>();

    Router(BrokerConfig config, BrokerLog log) {
        this.config = config;
        this.log = log;
        this.subscriptions = new TopicTree<>(config.has(Fault.HASH_MATCHES_DOLLAR));
        this.retained = new RetainedStore<>(config.has(Fault.HASH_MATCHES_DOLLAR));
    }

    void attach(Session session, Connection connection) {
        online.put(session, connection);
    }

    void detach(Session session, Connection connection) {
        online.remove(session, connection);
    }

    Connection connectionOf(Session session) {
        return online.get(session);
    }

    void subscribe(Session session, String filter, Qos qos) {
        session.subscriptions().put(filter, qos);
        subscriptions.put(filter, session, qos);
    }

    boolean unsubscribe(Session session, String filter) {
        session.subscriptions().remove(filter);
        return subscriptions.remove(filter, session);
    }

    /** Forgets a session's subscriptions (its state is being discarded). */
    void discard(Session session) {
        for (String filter : List.copyOf(session.subscriptions().keySet())) {
            unsubscribe(session, filter);
        }
        online.remove(session);
    }

    int subscriptionCount() {
        return subscriptions.size();
    }

    RetainedStore<Publish> retained() {
        return retained;
    }

    /** Handles an application message published by a client or a will (MQTT 3.1.1 sections 3.3.1.3, 3.3.5). */
    void publish(Publish message) {
        if (message.retain()) {
            if (message.payload().isEmpty() && !config.has(Fault.EMPTY_RETAIN_NOT_CLEARING)) {
                retained.remove(message.topic());
            } else {
                retained.put(message.topic(), new Publish(false, message.qos(), true, message.topic(), 0,
                        message.payload()));
            }
        }
        boolean keepRetain = message.retain() && config.has(Fault.RETAIN_ON_LIVE_FORWARD);
        if (config.has(Fault.OVERLAP_DUPLICATES)) {
            List<Map.Entry<Session, Qos>> all = new ArrayList<>();
            subscriptions.match(message.topic(), (s, q) -> all.add(Map.entry(s, q)));
            all.forEach(e -> forward(e.getKey(), message, e.getValue(), keepRetain));
            return;
        }
        Map<Session, Qos> targets = new LinkedHashMap<>();
        boolean lowest = config.has(Fault.OVERLAP_LOWEST_QOS);
        subscriptions.match(message.topic(), (s, q) -> targets.merge(s, q, lowest ? Qos::min : Qos::max));
        targets.forEach((s, q) -> forward(s, message, q, keepRetain));
    }

    private void forward(Session session, Publish message, Qos granted, boolean retain) {
        Qos qos = config.has(Fault.NO_QOS_DOWNGRADE) ? message.qos() : Qos.min(message.qos(), granted);
        deliver(session, new Publish(false, qos, retain, message.topic(), 0, message.payload()));
    }

    /** Sends the retained messages matching a new subscription, RETAIN set [MQTT-3.3.1-6, MQTT-3.3.1-8]. */
    void sendRetained(Session session, String filter, Qos granted) {
        if (config.has(Fault.NO_RETAINED_ON_SUBSCRIBE)) {
            return;
        }
        boolean flag = !config.has(Fault.RETAINED_WITHOUT_RETAIN_FLAG);
        List<Publish> matched = new ArrayList<>();
        retained.match(filter, matched::add);
        for (Publish m : matched) {
            deliver(session, new Publish(false, Qos.min(m.qos(), granted), flag, m.topic(), 0, m.payload()));
        }
    }

    /**
     * Sends {@code message} (packet id not yet assigned) now if the session is online with room, else queues it.
     */
    void deliver(Session session, Publish message) {
        Connection c = online.get(session);
        if (c == null) {
            if (message.qos() != Qos.AT_MOST_ONCE) {
                enqueue(session, message);
            }
            return;
        }
        if (!session.queue().isEmpty() || !c.link.writable() || !hasRoom(session, message)) {
            enqueue(session, message);
            return;
        }
        sendNow(session, c, message);
    }

    private boolean hasRoom(Session session, Publish message) {
        return message.qos() == Qos.AT_MOST_ONCE || session.inflightCount() < config.maxInflightMessages();
    }

    private void enqueue(Session session, Publish message) {
        if (session.queue().size() >= config.maxQueuedMessages()) {
            long n = session.drop();
            if (n == 1 || n % 1000 == 0) {
                log.line("Outgoing messages are being dropped for client " + session.clientId() + " (" + n
                        + " so far).");
            }
            return;
        }
        session.queue().add(message);
    }

    private void sendNow(Session session, Connection c, Publish message) {
        Publish out = message;
        if (message.qos() != Qos.AT_MOST_ONCE) {
            out = message.withQos(message.qos(), session.allocatePacketId());
            session.sent(out);
        }
        send(c, out);
    }

    /** Moves queued messages out while the window and the connection have room, in order (section 4.6). */
    void drain(Session session) {
        Connection c = online.get(session);
        if (c == null) {
            return;
        }
        while (!session.queue().isEmpty() && c.link.writable() && hasRoom(session, session.queue().peek())) {
            sendNow(session, c, session.queue().poll());
        }
    }

    /** On reconnect: re-sends the in-flight window in order, PUBLISH with DUP or PUBREL [MQTT-4.4.0-1]. */
    void resume(Session session, Connection c) {
        if (!config.has(Fault.NO_REDELIVERY_ON_RECONNECT)) {
            for (Session.Outgoing o : session.inflight()) {
                send(c, o.released() ? new Pubrel(o.publish().packetId()) : o.publish().withDup(true));
            }
        }
        drain(session);
    }

    void send(Connection c, Packet packet) {
        log.packet("Sending", "to", c.name(), packet);
        c.link.send(packet);
    }
}
