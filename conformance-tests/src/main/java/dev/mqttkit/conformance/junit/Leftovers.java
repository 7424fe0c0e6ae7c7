package dev.mqttkit.conformance.junit;

import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.conformance.client.DeliveryListener;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.client.Transcript;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a test leaves on the broker, noted as its clients send: retained messages (a PUBLISH or a will with RETAIN)
 * and persistent sessions (CleanSession 0). When the test ends, pass or fail, they are removed, so a shared broker
 * keeps nothing of the run and no later test sees them. Also notes which allowed order the broker chose when a packet
 * arrived before the answer a client waited for.
 */
final class Leftovers implements DeliveryListener {
    private final Set<String> retainedTopics = new LinkedHashSet<>();
    private final Set<String> persistentIds = new LinkedHashSet<>();
    private final Set<String> observations = new LinkedHashSet<>();

    @Override
    public synchronized void sent(String conn, Packet packet, long nanos) {
        if (packet instanceof Publish p && p.retain()) {
            retainedTopics.add(p.topic());
        } else if (packet instanceof Connect c) {
            if (!c.cleanSession()) {
                persistentIds.add(c.clientId());
            }
            if (c.will() != null && c.will().retain()) {
                retainedTopics.add(c.will().topic());
            }
        }
    }

    @Override
    public synchronized void arrivedEarly(String conn, Packet early, String awaited) {
        String what = early instanceof Publish p && p.retain() ? "a retained PUBLISH" : "a PUBLISH";
        observations.add(what + " arrived before the " + awaited);
    }

    synchronized List<String> observations() {
        return List.copyOf(observations);
    }

    /**
     * Clears every retained topic with an empty retained message and ends every persistent session with a clean
     * CONNECT. Best effort: what cannot be removed is noted in the transcript, never turned into a verdict.
     */
    void clear(Function<String, ScriptedClient> clients, ScriptedClient cleaner, Transcript transcript) {
        List<String> topics;
        List<String> ids;
        synchronized (this) {
            topics = new ArrayList<>(retainedTopics);
            ids = new ArrayList<>(persistentIds);
        }
        if (!topics.isEmpty()) {
            try (cleaner) {
                cleaner.connect();
                for (String topic : topics) {
                    cleaner.publish(topic, "", Qos.AT_LEAST_ONCE, true);
                }
                cleaner.disconnect();
            } catch (RuntimeException | AssertionError e) {
                transcript.event("cleanup", "could not clear the retained messages: " + e.getMessage());
            }
        }
        for (String id : ids) {
            try (ScriptedClient c = clients.apply(id)) {
                c.connect();
                c.disconnect();
            } catch (RuntimeException | AssertionError e) {
                transcript.event("cleanup", "could not end the persistent session of " + id + ": " + e.getMessage());
            }
        }
    }
}
