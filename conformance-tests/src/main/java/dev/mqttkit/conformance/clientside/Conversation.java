package dev.mqttkit.conformance.clientside;

import dev.mqttkit.codec.MqttEncoder;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Pubcomp;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Subscribe;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.PacketMatcher;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The broker's side of the usual exchanges with a client on one connection (MQTT 3.1.1 chapter 4): delivering
 * messages at each QoS, and answering what the client sends by default: PUBACK or PUBREC for its PUBLISH, PUBREL for
 * its PUBREC, PUBCOMP for its PUBREL, SUBACK for a SUBSCRIBE (a reconnecting client may subscribe again). A case
 * that needs the broker to hold an answer back turns that answer off and sends it itself. Packet ids of the broker's
 * own deliveries are counted from {@code firstId}, so they differ from the ids a client picks.
 */
public final class Conversation {
    private final ClientLink link;
    private final List<Publish> published = new ArrayList<>();
    private int nextId;
    private boolean acknowledge = true;
    private boolean complete = true;
    private boolean release = true;

    public Conversation(ClientLink link, int firstId) {
        this.link = link;
        this.nextId = firstId;
    }

    public Conversation(ClientLink link) {
        this(link, 1000);
    }

    public ClientLink link() {
        return link;
    }

    /** From now on the client's PUBLISH packets get no PUBACK or PUBREC unless the case sends one. */
    public Conversation holdingAcknowledgements() {
        acknowledge = false;
        return this;
    }

    /**
     * From now on the client's PUBREC packets (for the broker's QoS 2 messages) get no PUBREL unless the case sends
     * one.
     */
    public Conversation holdingReleases() {
        release = false;
        return this;
    }

    /** From now on the client's PUBREL packets get no PUBCOMP unless the case sends one. */
    public Conversation holdingCompletions() {
        complete = false;
        return this;
    }

    /** A message from the broker, with the next packet id for QoS 1 and 2. */
    public Publish message(String topic, Qos qos, String payload) {
        int id = qos == Qos.AT_MOST_ONCE ? 0 : nextId++;
        return new Publish(false, qos, false, topic, id, Payload.utf8(payload));
    }

    /** Sends a message to the client and returns it. */
    public Publish deliver(String topic, Qos qos, String payload) {
        Publish p = message(topic, qos, payload);
        link.send(p);
        return p;
    }

    /** Sends packets in one write, so the client reads them as one burst. */
    public void sendTogether(List<? extends Packet> packets) {
        MqttEncoder encoder = MqttEncoder.of(link.version());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> summaries = new ArrayList<>();
        for (Packet p : packets) {
            bytes.writeBytes(encoder.encode(p));
            summaries.add(p.summary());
        }
        link.sendRaw(bytes.toByteArray(), String.join(" + ", summaries));
    }

    /** The client's next packet, answered as the defaults say. */
    public Packet next() {
        Packet p = link.expect(Match.any());
        if (p instanceof Publish pub) {
            published.add(pub);
            if (acknowledge && pub.qos() == Qos.AT_LEAST_ONCE) {
                link.send(new Puback(pub.packetId()));
            } else if (acknowledge && pub.qos() == Qos.EXACTLY_ONCE) {
                link.send(new Pubrec(pub.packetId()));
            }
        } else if (p instanceof Pubrec r && release) {
            link.send(new Pubrel(r.packetId()));
        } else if (p instanceof Pubrel r && complete) {
            link.send(new Pubcomp(r.packetId()));
        } else if (p instanceof Subscribe s) {
            link.send(ClientHarness.granted(s));
        }
        return p;
    }

    /** Takes the client's packets (answering them) until one matches; returns it. */
    public <P extends Packet> P until(PacketMatcher<P> matcher) {
        while (true) {
            Packet p = next();
            if (matcher.matches(p)) {
                return matcher.type().cast(p);
            }
        }
    }

    /**
     * Takes the client's packets (answering them) until it sent {@code n} PUBLISH packets on topics below
     * {@code topicPrefix}; returns those, in order.
     */
    public List<Publish> publishesBelow(String topicPrefix, int n) {
        List<Publish> out = new ArrayList<>();
        while (out.size() < n) {
            if (next() instanceof Publish p && p.topic().startsWith(topicPrefix)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Proves what the client sent before it acted on a marker: delivers a QoS 0 message on {@code <prefix>/in/marker}
     * and takes everything up to the driver's copy of it on {@code <prefix>/out/marker}. A client handles the packets
     * of one connection in order, so nothing it had pending can come after the marker's copy.
     */
    public List<Packet> beforeMarker(DriverOptions o, String name) {
        deliver(o.in(name), Qos.AT_MOST_ONCE, "marker");
        List<Packet> before = new ArrayList<>();
        PacketMatcher<Publish> marker = Match.publish(o.out(name));
        while (true) {
            Packet p = next();
            if (marker.matches(p)) {
                return before;
            }
            before.add(p);
        }
    }

    /** Every PUBLISH the client sent on this connection so far. */
    public List<Publish> published() {
        return List.copyOf(published);
    }
}
