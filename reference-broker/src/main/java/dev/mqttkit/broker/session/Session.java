package dev.mqttkit.broker.session;

import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The state a broker keeps for one client identifier (MQTT 3.1.1 section 4.1): subscriptions, QoS 1 and 2 messages
 * sent and not yet completed (the in-flight window, in sending order), messages waiting for room in that window, and
 * the QoS 2 packet ids received and not yet released. It outlives connections when the client asked for a persistent
 * session. Confined to the broker's protocol thread.
 */
public final class Session {
    private final String clientId;
    private final boolean clean;
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

    public Session(String clientId, boolean clean) {
        this.clientId = clientId;
        this.clean = clean;
    }

    public String clientId() {
        return clientId;
    }

    /** Whether the session ends with the connection (CleanSession=1). */
    public boolean clean() {
        return clean;
    }

    public Map<String, Qos> subscriptions() {
        return subscriptions;
    }

    public Collection<Outgoing> inflight() {
        return inflight.values();
    }

    public int inflightCount() {
        return inflight.size();
    }

    public Outgoing inflight(int packetId) {
        return inflight.get(packetId);
    }

    /** Records a message as sent; its packet id must come from {@link #allocatePacketId}. */
    public void sent(Publish publish) {
        inflight.put(publish.packetId(), new Outgoing(publish, false));
    }

    /** Marks a QoS 2 message as released (PUBREL sent), keeping its place in the sending order. */
    public void released(int packetId) {
        inflight.computeIfPresent(packetId, (id, o) -> new Outgoing(o.publish(), true));
    }

    public Outgoing complete(int packetId) {
        return inflight.remove(packetId);
    }

    /** The next packet identifier not in use by an in-flight message, cycling through 1..65535. */
    public int allocatePacketId() {
        for (int tries = 0; tries < 65535; tries++) {
            int id = nextPacketId;
            nextPacketId = id == 65535 ? 1 : id + 1;
            if (!inflight.containsKey(id)) {
                return id;
            }
        }
        throw new IllegalStateException("all 65535 packet identifiers are in flight for " + clientId);
    }

    public ArrayDeque<Publish> queue() {
        return queue;
    }

    /** Notes a message dropped because the queue was full; returns how many have been dropped so far. */
    public long drop() {
        return ++dropped;
    }

    /** Records an incoming QoS 2 packet id; returns false when it was already held (a re-sent PUBLISH). */
    public boolean receiveQos2(int packetId) {
        return receivedQos2.add(packetId);
    }

    public void releaseQos2(int packetId) {
        receivedQos2.remove(packetId);
    }
}
