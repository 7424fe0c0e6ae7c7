package dev.mqttkit.bench;

import dev.mqttkit.codec.MqttEncoder;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Pingreq;
import dev.mqttkit.codec.packet.Pingresp;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Pubcomp;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Subscribe;
import dev.mqttkit.codec.packet.Subscription;
import dev.mqttkit.codec.packet.Will;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed packet streams every codec benchmark decodes and encodes: the same packets, the same bytes, for us and
 * for the peer. Deterministic, so runs on different days compare.
 *
 * <p>{@link #mixed()} is one connection's worth of MQTT 3.1.1 traffic: a CONNECT with will and credentials, a
 * SUBSCRIBE with five filters and its SUBACK, 40 small publishes (QoS 0 and 1 alternating, 16 to 130 bytes of
 * payload), their PUBACKs, a QoS 2 exchange (PUBREC, PUBREL, PUBCOMP) four times, one 64 KiB publish and pings.
 * {@link #small()} is the same without the 64 KiB publish, and {@link #large()} that publish alone, to compare
 * against the copy ceiling.
 */
public final class Workload {
    public static final int LARGE_PAYLOAD = 64 * 1024;
    public static final int TCP_SEGMENT = 1460;

    private final String name;
    private final List<Packet> packets;
    private final byte[] bytes;
    private final int[] packetEnds;

    private Workload(String name, List<Packet> packets) {
        this.name = name;
        this.packets = List.copyOf(packets);
        MqttEncoder encoder = MqttEncoder.of(ProtocolVersion.MQTT_3_1_1);
        int total = 0;
        packetEnds = new int[packets.size()];
        for (int i = 0; i < packets.size(); i++) {
            total += encoder.encodedLength(packets.get(i));
            packetEnds[i] = total;
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        for (Packet p : packets) {
            encoder.encode(p, out);
        }
        bytes = out.array();
    }

    public static Workload named(String name) {
        return switch (name) {
            case "mixed" -> mixed();
            case "large" -> large();
            case "small" -> small();
            default -> throw new IllegalArgumentException("no workload named " + name + "; use mixed, small or large");
        };
    }

    public static Workload mixed() {
        List<Packet> p = new ArrayList<>();
        p.add(new Connect(ProtocolVersion.MQTT_3_1_1, "bench-client-0001", true, 60,
                new Will("clients/bench-client-0001/status", Payload.utf8("offline"), Qos.AT_LEAST_ONCE, true),
                "bench-user", Payload.utf8("correct horse battery staple")));
        p.add(new Subscribe(1, List.of(
                new Subscription("sensors/+/temperature", Qos.AT_LEAST_ONCE),
                new Subscription("sensors/+/humidity", Qos.AT_MOST_ONCE),
                new Subscription("alerts/#", Qos.EXACTLY_ONCE),
                new Subscription("home/kitchen/light", Qos.AT_LEAST_ONCE),
                new Subscription("fleet/+/+/position", Qos.AT_MOST_ONCE))));
        p.add(Suback.of(1, 1, 0, 2, 1, 0));
        int id = 10;
        for (int i = 0; i < 40; i++) {
            String topic = "sensors/room-" + (i % 8) + (i % 2 == 0 ? "/temperature" : "/humidity");
            Payload payload = Payload.of(payloadBytes(16 + (i * 29) % 115, i));
            if (i % 2 == 0) {
                p.add(Publish.qos0(topic, payload));
            } else {
                p.add(Publish.of(Qos.AT_LEAST_ONCE, topic, ++id, payload));
                p.add(new Puback(id));
            }
            if (i % 10 == 9) {
                int q2 = 1000 + i;
                p.add(Publish.of(Qos.EXACTLY_ONCE, "alerts/door/" + i, q2, Payload.utf8("{\"open\":true}")));
                p.add(new Pubrec(q2));
                p.add(new Pubrel(q2));
                p.add(new Pubcomp(q2));
            }
            if (i == 19) {
                p.add(Pingreq.INSTANCE);
                p.add(Pingresp.INSTANCE);
                p.add(largePublish());
                p.add(new Puback(2000));
            }
        }
        p.add(Pingreq.INSTANCE);
        p.add(Pingresp.INSTANCE);
        return new Workload("mixed", p);
    }

    /** {@link #mixed()} without the 64 KiB publish: the per-packet cost, undiluted by one big copy. */
    public static Workload small() {
        return new Workload("small", mixed().packets().stream()
                .filter(p -> !(p instanceof Publish pub && pub.payload().size() == LARGE_PAYLOAD)).toList());
    }

    public static Workload large() {
        return new Workload("large", List.of(largePublish()));
    }

    private static Publish largePublish() {
        return Publish.of(Qos.AT_LEAST_ONCE, "fleet/truck-17/telemetry/blob", 2000,
                Payload.of(payloadBytes(LARGE_PAYLOAD, 7)));
    }

    private static byte[] payloadBytes(int n, int seed) {
        byte[] b = new byte[n];
        int x = seed * 0x9E3779B1 + 1;
        for (int i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            b[i] = (byte) x;
        }
        return b;
    }

    public String name() {
        return name;
    }

    public List<Packet> packets() {
        return packets;
    }

    public int packetCount() {
        return packets.size();
    }

    /** The packets as one MQTT 3.1.1 byte stream; callers must not modify it. */
    public byte[] bytes() {
        return bytes;
    }

    /** The end offset of each packet in {@link #bytes()}. */
    public int[] packetEnds() {
        return packetEnds.clone();
    }

    /** How the stream is cut for feeding: {@code whole} is one piece, a number is pieces of that many bytes. */
    public int[] cuts(String feed) {
        int piece = feed.equals("whole") ? bytes.length : Integer.parseInt(feed);
        int n = (bytes.length + piece - 1) / piece;
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            ends[i] = Math.min(bytes.length, (i + 1) * piece);
        }
        return ends;
    }
}
