package dev.mqttkit.broker.protocol;

import dev.mqttkit.broker.routing.RetainedStore;
import dev.mqttkit.broker.routing.TopicTree;
import dev.mqttkit.broker.session.Session;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Subscription;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Application messages from publisher to subscribers: subscription matching, retained messages, delivery through each
 * session's window and queue, and redelivery on reconnect.
 *
 * <p>Drop policy (enforced by {@link Session}): a session holds at most its limit of unacknowledged QoS 1/2 messages
 * and at most its limit of further messages waiting (while the window is full, the connection's write buffer is full,
 * or the client is offline with a persistent session). A message that finds the queue full is dropped, newest first,
 * and logged here; QoS 0 messages are not queued for offline clients at all. Messages already queued keep their order.
 */
final class Router {
    private final FaultPolicy faults;
    private final BrokerLog log;
    private final Scheduler scheduler;
    private final TopicTree<Session, Subscription> subscriptions;
    private final RetainedStore<Publish> retained;
    private final Map<Session, Connection> online = new IdentityHashMap<>();

    Router(FaultPolicy faults, BrokerLog log, Scheduler scheduler) {
        this.faults = faults;
        this.log = log;
        this.scheduler = scheduler;
        this.subscriptions = new TopicTree<>(faults.wildcardsMatchDollarTopics());
        this.retained = new RetainedStore<>(faults.wildcardsMatchDollarTopics());
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

    void subscribe(Session session, Subscription subscription) {
        session.subscribe(subscription.filter(), subscription.qos());
        subscriptions.put(subscription.filter(), session, subscription);
    }

    boolean unsubscribe(Session session, String filter) {
        session.unsubscribe(filter);
        return subscriptions.remove(filter, session);
    }

    /** Forgets a session's subscriptions (its state is being discarded). */
    void discard(Session session) {
        for (String filter : session.filters()) {
            unsubscribe(session, filter);
        }
        online.remove(session);
    }

    int subscriptionCount() {
        return subscriptions.size();
    }

    /**
     * Handles an application message published by a client or as its will (MQTT 3.1.1 sections 3.3.1.3, 3.3.5);
     * {@code origin} is that client's session.
     */
    void publish(Publish message, Session origin) {
        if (message.retain()) {
            if (message.payload().isEmpty() && faults.emptyRetainedClears()) {
                retained.remove(message.topic());
            } else {
                retained.put(message.topic(), new Publish(false, message.qos(), true, message.topic(), 0,
                        message.payload()));
            }
        }
        boolean retain = faults.retainFlagOnLiveForward(message.retain());
        boolean toOrigin = faults.deliversToOwnSubscriptions(); // MQTT-4.5.0-1: the publisher's own too
        if (faults.copyPerMatchingSubscription()) {
            List<Map.Entry<Session, Subscription>> all = new ArrayList<>();
            subscriptions.match(message.topic(), (s, sub) -> {
                if (toOrigin || s != origin) {
                    all.add(Map.entry(s, sub));
                }
            });
            faults.fanOut(scheduler, () -> all.forEach(e -> forward(e.getKey(), message, e.getValue().qos(), retain)));
            return;
        }
        Map<Session, Subscription> targets = new LinkedHashMap<>();
        subscriptions.match(message.topic(), (s, sub) -> {
            if (toOrigin || s != origin) {
                targets.merge(s, sub, faults::overlapWinner);
            }
        });
        faults.fanOut(scheduler, () -> targets.forEach((s, sub) -> forward(s, message, sub.qos(), retain)));
    }

    private void forward(Session session, Publish message, Qos granted, boolean retain) {
        Qos qos = faults.deliveryQos(message.qos(), granted);
        deliver(session, new Publish(false, qos, retain, message.topic(), 0, message.payload()));
    }

    /** Sends the retained messages matching a new subscription, RETAIN set [MQTT-3.3.1-6, MQTT-3.3.1-8]. */
    void sendRetained(Session session, Subscription subscription) {
        if (!faults.sendsRetainedOnSubscribe()) {
            return;
        }
        boolean flag = faults.retainFlagOnSubscribe();
        List<Publish> matched = new ArrayList<>();
        retained.match(subscription.filter(), matched::add);
        for (Publish m : matched) {
            Qos qos = Qos.min(m.qos(), subscription.qos());
            deliver(session, new Publish(false, qos, flag, m.topic(), 0, m.payload()));
        }
    }

    /**
     * Sends {@code message} (packet id not yet assigned) now if the session is online with room, else queues it
     * behind the messages already waiting.
     */
    void deliver(Session session, Publish message) {
        Connection c = online.get(session);
        if (c == null) {
            if (message.qos() != Qos.AT_MOST_ONCE) {
                enqueue(session, message);
            }
            return;
        }
        boolean waitsBehindQueue = session.hasQueued() && !faults.overtakesQueue(message, session);
        if (waitsBehindQueue || !c.link().writable() || !session.windowHasRoomFor(message)) {
            enqueue(session, message);
            return;
        }
        send(c, session.startSending(message));
    }

    private void enqueue(Session session, Publish message) {
        if (!session.enqueue(message)) {
            long n = session.dropped();
            if (n == 1 || n % 1000 == 0) {
                log.event(BrokerLog.Event.DROPPED, "Outgoing messages are being dropped for client "
                        + session.clientId() + " (" + n + " so far).");
            }
        }
    }

    /** Moves queued messages out while the window and the connection have room, in order (section 4.6). */
    void drain(Session session) {
        Connection c = online.get(session);
        if (c == null) {
            return;
        }
        while (c.link().writable()) {
            Optional<Publish> next = session.startSendingNextQueued();
            if (next.isEmpty()) {
                return;
            }
            send(c, next.get());
        }
    }

    /** On reconnect: re-sends the in-flight window in order, PUBLISH with DUP or PUBREL [MQTT-4.4.0-1]. */
    void resume(Session session, Connection c) {
        if (faults.redeliversOnReconnect()) {
            for (Session.Outgoing o : session.inflight()) {
                send(c, o.released() ? new Pubrel(o.publish().packetId()) : o.publish().withDup(true));
            }
        }
        drain(session);
    }

    void send(Connection c, Packet packet) {
        log.packet("Sending", "to", c.name(), packet);
        c.link().send(packet);
    }
}
