package dev.mqttkit.conformance.client;

import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Publish;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times each delivery from the write of a PUBLISH by one client to its arrival at another (matched by topic and
 * payload) and adds it to the run's {@link DeliveryLatency}.
 */
public final class DeliveryTimer implements DeliveryListener {
    private final DeliveryLatency latency;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();

    public DeliveryTimer(DeliveryLatency latency) {
        this.latency = latency;
    }

    @Override
    public void sent(String conn, Packet packet, long nanos) {
        if (packet instanceof Publish p) {
            sentAt.putIfAbsent(key(p), nanos);
        }
    }

    @Override
    public void received(String conn, Publish publish, long nanos) {
        Long sent = sentAt.get(key(publish));
        if (sent != null && nanos > sent) {
            latency.record(nanos - sent);
        }
    }

    private static String key(Publish p) {
        return p.topic() + '\u0000' + p.payload().asUtf8();
    }
}
