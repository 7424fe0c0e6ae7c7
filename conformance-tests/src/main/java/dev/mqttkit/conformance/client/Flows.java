package dev.mqttkit.conformance.client;

import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Pubcomp;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Subscribe;
import dev.mqttkit.codec.packet.Unsubscribe;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * The usual exchanges of MQTT 3.1.1 chapter 4 on top of a client's send and expect: subscribing, publishing and
 * receiving at each QoS, each completing the client's own side of the flow. Packet ids are the client's own, counted
 * from 1.
 */
public abstract class Flows {
    /** What each exchange is bound by: a broker that breaks it fails only the tests that declare one of these. */
    public static final List<String> SUBACK = List.of("MQTT-3.8.4-1", "MQTT-3.8.4-2", "MQTT-2.3.1-7");
    public static final List<String> UNSUBACK = List.of("MQTT-3.10.4-4", "MQTT-3.10.4-5", "MQTT-2.3.1-7");
    public static final List<String> PUBACK = List.of("MQTT-3.3.4-1", "MQTT-4.3.2-2", "MQTT-2.3.1-6");
    public static final List<String> PUBREC = List.of("MQTT-3.3.4-1", "MQTT-4.3.3-2", "MQTT-2.3.1-6");
    public static final List<String> PUBREL = List.of("MQTT-4.3.3-1", "MQTT-2.3.1-6");
    public static final List<String> PUBCOMP = List.of("MQTT-4.3.3-2", "MQTT-2.3.1-6");
    public static final List<String> CONNACK = List.of("MQTT-3.2.0-1", "MQTT-3.1.4-4");

    private int nextPacketId = 1;

    public abstract void send(Packet packet);

    public abstract <P extends Packet> P expect(PacketMatcher<P> matcher);

    public abstract <P extends Packet> P expectResponse(PacketMatcher<P> matcher);

    public abstract List<Packet> fence();

    public abstract AssertionFailedError fail(String message);

    public int nextPacketId() {
        int id = nextPacketId;
        nextPacketId = nextPacketId == 0xFFFF ? 1 : nextPacketId + 1;
        return id;
    }

    /** Subscribes to one filter, expects the SUBACK and returns its return code. */
    public int subscribe(String filter, Qos qos) {
        return FlowViolation.during(SUBACK, () -> {
            int id = nextPacketId();
            send(Subscribe.of(id, filter, qos));
            Suback s = expectResponse(Match.suback(id));
            if (s.returnCodes().size() != 1) {
                throw fail("SUBACK for one filter carries " + s.returnCodes().size() + " return codes");
            }
            return s.returnCodes().get(0);
        });
    }

    /** Unsubscribes from the filters with one UNSUBSCRIBE and expects its UNSUBACK. */
    public void unsubscribe(String... filters) {
        FlowViolation.during(UNSUBACK, () -> {
            int id = nextPacketId();
            send(new Unsubscribe(id, List.of(filters)));
            return expectResponse(Match.unsuback(id));
        });
    }

    /** Publishes and completes the sender's side of the QoS flow; returns the packet id (0 for QoS 0). */
    public int publish(String topic, String payload, Qos qos, boolean retain) {
        int id = qos == Qos.AT_MOST_ONCE ? 0 : nextPacketId();
        send(new Publish(false, qos, retain, topic, id, Payload.utf8(payload)));
        if (qos == Qos.AT_LEAST_ONCE) {
            FlowViolation.during(PUBACK, () -> expectResponse(Match.puback(id)));
        } else if (qos == Qos.EXACTLY_ONCE) {
            FlowViolation.during(PUBREC, () -> {
                expectResponse(Match.pubrec(id));
                send(new Pubrel(id));
                return expectResponse(Match.pubcomp(id));
            });
        }
        return id;
    }

    /** Expects a PUBLISH and completes the receiver's side of its QoS flow. */
    public Publish receive(PacketMatcher<Publish> matcher) {
        Publish p = expect(matcher);
        acknowledge(p);
        return p;
    }

    /** Completes the receiver's side of the flow of a PUBLISH the test already took. */
    public void acknowledge(Publish p) {
        if (p.qos() == Qos.AT_LEAST_ONCE) {
            send(new Puback(p.packetId()));
        } else if (p.qos() == Qos.EXACTLY_ONCE) {
            send(new Pubrec(p.packetId()));
            FlowViolation.during(PUBREL, () -> expectResponse(Match.pubrel(p.packetId())));
            send(new Pubcomp(p.packetId()));
        }
    }

    /**
     * Receives PUBLISH packets, acknowledging each, until one matches {@code marker}; returns those before it. With a
     * marker published after the message under test by the same client, on the same topic and at the same QoS, this
     * proves the absence of further copies: a broker must keep that order (MQTT-4.6.0-6), on any connection.
     */
    public List<Publish> collectUntil(PacketMatcher<Publish> marker) {
        List<Publish> before = new ArrayList<>();
        while (true) {
            Packet next = expect(Match.any());
            if (!(next instanceof Publish p)) {
                throw fail("expected PUBLISH packets up to " + marker + " but received " + next.summary());
            }
            acknowledge(p);
            if (marker.matches(p)) {
                return before;
            }
            before.add(p);
        }
    }
}
