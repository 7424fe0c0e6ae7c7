package dev.mqttkit.broker.session;

import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state a broker keeps for one client identifier (MQTT 3.1.1 section 4.1): subscriptions, QoS 1 and 2 messages
 * sent and not yet completed (the in-flight window, in sending order), messages waiting for room, and the QoS 2 packet
 * ids received and not yet released. It outlives connections when the client asked for a persistent session.
 *
 * <p>The session enforces its own bounds: the window never holds more than {@link SessionLimits#maxInflight}
 * messages and the queue never more than {@link SessionLimits#maxQueued} (a message that finds it full is dropped and
 * counted). Confined to the broker's protocol thread.
 */
public final class Session {
    private final String clientId;
    private final boolean clean;
    private final SessionLimits limits;
    private final Map<String, Qos> subscriptions = new LinkedHashMap<>();
    private final LinkedHashMap<Integer, Outgoing> inflight = new LinkedHashMap<>();
    private final ArrayDeque<Publish> queue = new ArrayDeque<>();
    private final Set<Integer> receivedQos2 = new HashSet<>();
    private int nextPacketId = 1;
    private long dropped;

    /**
     * A QoS 1 or 2 message sent to the client and not yet completed.
     *
     * @param released true once PUBREC came and PUBREL went out: only PUBCOMP is awaited
     */
    public record Outgoing(Publish publish, boolean released) {
    }

    public Session(String clientId, boolean clean, SessionLimits limits) {
        this.clientId = clientId;
        this.clean = clean;
        this.limits = limits;
    }

    public String clientId() {
        return clientId;
    }

    /** Whether the session ends with the connection (CleanSession=1). */
    public boolean clean() {
        return clean;
    }

    /** Adds or replaces the subscription to {@code filter}. */
    public void subscribe(String filter, Qos qos) {
        subscriptions.put(filter, qos);
    }

    /** Removes the subscription to {@code filter}; returns whether there was one. */
    public boolean unsubscribe(String filter) {
        return subscriptions.remove(filter) != null;
    }

    /** The subscribed filters, in subscription order (a copy). */
    public List<String> filters() {
        return List.copyOf(subscriptions.keySet());
    }

    /** Whether messages wait in the queue; a new message must then wait behind them (section 4.6). */
    public boolean hasQueued() {
        return !queue.isEmpty();
    }

    /** Whether a queued message has {@code topic}. */
    public boolean queuesTopic(String topic) {
        for (Publish p : queue) {
            if (p.topic().equals(topic)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the in-flight window can take {@code message} now (QoS 0 messages never enter it). */
    public boolean windowHasRoomFor(Publish message) {
        return message.qos() == Qos.AT_MOST_ONCE || inflight.size() < limits.maxInflight();
    }

    /**
     * The packet to send for {@code message} (packet id not yet assigned): a QoS 1 or 2 message is given an unused
     * packet id and enters the window. The caller has checked {@link #windowHasRoomFor}.
     */
    public Publish startSending(Publish message) {
        if (message.qos() == Qos.AT_MOST_ONCE) {
            return message;
        }
        if (!windowHasRoomFor(message)) {
            throw new IllegalStateException("the in-flight window of " + clientId + " is full");
        }
        Publish out = message.withQos(message.qos(), allocatePacketId());
        inflight.put(out.packetId(), new Outgoing(out, false));
        return out;
    }

    /** Queues {@code message} behind the others; false when the queue is full and the message was dropped. */
    public boolean enqueue(Publish message) {
        if (queue.size() >= limits.maxQueued()) {
            dropped++;
            return false;
        }
        queue.add(message);
        return true;
    }

    /** Messages dropped so far because the queue was full. */
    public long dropped() {
        return dropped;
    }

    /** The head of the queue, started as by {@link #startSending}, if the window has room for it. */
    public Optional<Publish> startSendingNextQueued() {
        Publish head = queue.peek();
        if (head == null || !windowHasRoomFor(head)) {
            return Optional.empty();
        }
        queue.poll();
        return Optional.of(startSending(head));
    }

    /** The in-flight window in sending order (a snapshot), for redelivery on reconnect. */
    public List<Outgoing> inflight() {
        return List.copyOf(inflight.values());
    }

    /** PUBACK for {@code packetId}: completes a QoS 1 message; false when no such message is in flight. */
    public boolean acknowledge(int packetId) {
        Outgoing o = inflight.get(packetId);
        if (o == null || o.publish().qos() != Qos.AT_LEAST_ONCE) {
            return false;
        }
        inflight.remove(packetId);
        return true;
    }

    /**
     * PUBREC for {@code packetId}: marks a QoS 2 message released, keeping its place in the sending order; true when
     * a PUBREL is due (also for a repeated PUBREC).
     */
    public boolean received(int packetId) {
        Outgoing o = inflight.get(packetId);
        if (o == null || o.publish().qos() != Qos.EXACTLY_ONCE) {
            return false;
        }
        inflight.put(packetId, new Outgoing(o.publish(), true));
        return true;
    }

    /** PUBCOMP for {@code packetId}: completes a released QoS 2 message; false when there is none. */
    public boolean complete(int packetId) {
        Outgoing o = inflight.get(packetId);
        if (o == null || !o.released()) {
            return false;
        }
        inflight.remove(packetId);
        return true;
    }

    /** Records an incoming QoS 2 packet id; returns false when it was already held (a re-sent PUBLISH). */
    public boolean receiveQos2(int packetId) {
        return receivedQos2.add(packetId);
    }

    /** PUBREL for an incoming QoS 2 packet id: the id may be used for a new message again. */
    public void releaseQos2(int packetId) {
        receivedQos2.remove(packetId);
    }

    /** The next packet identifier not in use by an in-flight message, cycling through 1..65535. */
    private int allocatePacketId() {
        for (int tries = 0; tries < 65535; tries++) {
            int id = nextPacketId;
            nextPacketId = id == 65535 ? 1 : id + 1;
            if (!inflight.containsKey(id)) {
                return id;
            }
        }
        throw new IllegalStateException("all 65535 packet identifiers are in flight for " + clientId);
    }
}
