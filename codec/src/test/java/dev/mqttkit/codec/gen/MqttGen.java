package dev.mqttkit.codec.gen;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.mqttkit.codec.DecoderOptions;
import dev.mqttkit.codec.MqttEncoder;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Disconnect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.PacketType;
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
import dev.mqttkit.codec.packet.Unsuback;
import dev.mqttkit.codec.packet.Unsubscribe;
import dev.mqttkit.codec.packet.Will;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Valid packets of every type for one protocol version: exactly what the checked encoder of that version accepts
 * (3.1 client ids of 1 to 23 characters, no SUBACK 0x80 and no session-present flag in 3.1, DUP on a QoS 0 PUBLISH and
 * on PUBREL/SUBSCRIBE/UNSUBSCRIBE only in 3.1, a password only with a user name in 3.1.1, no U+0000 in 3.1.1
 * strings). Topic names and filters come from {@link TopicGen}, bytes from {@link BytesGen}.
 */
public final class MqttGen {
    private MqttGen() {
    }

    public static Gen<ProtocolVersion> versions() {
        return Generate.enumValues(ProtocolVersion.class);
    }

    public static Gen<Qos> qos() {
        return Generate.enumValues(Qos.class);
    }

    /** Packet ids 1..65535, the ends of the range and the byte boundary drawn often. */
    public static Gen<Integer> packetIds() {
        return Generate.frequency(List.of(
                Pair.of(4, integers().between(1, 65_535)),
                Pair.of(1, Generate.pick(List.of(1, 255, 256, 65_535)))));
    }

    /** Any valid packet of any type, the types drawn equally often. */
    public static Gen<Packet> packets(ProtocolVersion v) {
        List<Pair<Integer, Gen<Packet>>> weighted = new ArrayList<>();
        for (PacketType type : PacketType.values()) {
            weighted.add(Pair.of(1, ofType(type, v)));
        }
        return Generate.frequency(weighted);
    }

    /** Valid packets of one type. */
    public static Gen<Packet> ofType(PacketType type, ProtocolVersion v) {
        Gen<? extends Packet> packets = switch (type) {
            case CONNECT -> connects(v);
            case CONNACK -> connacks(v);
            case PUBLISH -> publishes(v);
            case PUBACK -> pubacks();
            case PUBREC -> pubrecs();
            case PUBREL -> pubrels(v);
            case PUBCOMP -> pubcomps();
            case SUBSCRIBE -> subscribes(v);
            case SUBACK -> subacks(v);
            case UNSUBSCRIBE -> unsubscribes(v);
            case UNSUBACK -> unsubacks();
            case PINGREQ -> Generate.constant(Pingreq.INSTANCE);
            case PINGRESP -> Generate.constant(Pingresp.INSTANCE);
            case DISCONNECT -> Generate.constant(Disconnect.INSTANCE);
        };
        return packets.map(p -> (Packet) p);
    }

    /** A version and a valid packet of that version. */
    public static Gen<Pair<ProtocolVersion, Packet>> versionedPackets() {
        return versions().flatMap(v -> packets(v).map(p -> Pair.of(v, p)));
    }

    /** A connection's worth of packets: a CONNECT of {@code v} first, then 0..7 packets of any type. */
    public static Gen<List<Packet>> streams(ProtocolVersion v) {
        return connects(v).zip(lists().of(packets(v)).ofSizeBetween(0, 7), (c, rest) -> {
            List<Packet> all = new ArrayList<>(rest.size() + 1);
            all.add(c);
            all.addAll(rest);
            return List.copyOf(all);
        });
    }

    /** The packets' bytes, one after another, from the checked encoder of {@code v}. */
    public static byte[] encode(ProtocolVersion v, List<Packet> packets) {
        MqttEncoder encoder = MqttEncoder.of(v);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Packet p : packets) {
            out.writeBytes(encoder.encode(p));
        }
        return out.toByteArray();
    }

    /** Strict decoder options for each side: a server (version from the CONNECT) or a client of either version. */
    public static Gen<DecoderOptions> strictOptions() {
        return Generate.pick(List.of(DecoderOptions.server(), DecoderOptions.client(ProtocolVersion.MQTT_3_1),
                DecoderOptions.client(ProtocolVersion.MQTT_3_1_1)));
    }

    /**
     * The bytes of a valid stream of either version (CONNECT first), cut after 4 KiB (a large payload teaches the
     * mutations nothing, and costs time), then edited by 1..4 mutations.
     */
    public static Gen<byte[]> mutatedStreams() {
        Gen<byte[]> valid = versions().flatMap(v -> streams(v).map(s -> encode(v, s)))
                .map(b -> b.length > 4096 ? java.util.Arrays.copyOf(b, 4096) : b);
        return valid.zip(BytesGen.mutationLists(), BytesGen::mutate);
    }

    /** Strings for identifiers and user names: mostly short, in 3.1 occasionally with U+0000. */
    public static Gen<String> strings(ProtocolVersion v, int minCodePoints, int maxCodePoints) {
        Gen<Integer> cp = Generate.frequency(List.of(
                Pair.of(20, TopicGen.levelCodePoints()),
                Pair.of(1, Generate.pick(List.of((int) '/', (int) '+', (int) '#'))),
                Pair.of(v == ProtocolVersion.MQTT_3_1 ? 1 : 0, Generate.constant(0))));
        return TopicGen.codePointStrings(cp, minCodePoints, maxCodePoints);
    }

    public static Gen<Connect> connects(ProtocolVersion v) {
        boolean v31 = v == ProtocolVersion.MQTT_3_1;
        Gen<String> clientIds = v31 ? strings(v, 1, 23)
                : Generate.frequency(List.of(Pair.of(1, Generate.constant("")), Pair.of(6, strings(v, 1, 30))));
        Gen<Connect> base = clientIds.zip(Generate.booleans(), integers().between(0, 65_535), (id, clean, keepAlive) ->
                Connect.of(v, id, clean || (!v31 && id.isEmpty()), keepAlive));
        Gen<Will> wills = TopicGen.names().zip(BytesGen.shortPayloads(), qos(), Generate.booleans(), Will::new);
        Gen<String> userNames = strings(v, 0, 12);
        Gen<Payload> passwords = BytesGen.shortPayloads();
        return base.zip(optional(wills), optional(userNames), optional(passwords), (c, will, user, pass) -> {
            Payload password = user == null && !v31 ? null : pass;
            return new Connect(v, c.clientId(), c.cleanSession(), c.keepAliveSeconds(), will, user, password);
        });
    }

    public static Gen<Connack> connacks(ProtocolVersion v) {
        return integers().between(0, Connack.NOT_AUTHORIZED).zip(Generate.booleans(), (code, present) ->
                new Connack(present && code == Connack.ACCEPTED && v == ProtocolVersion.MQTT_3_1_1, code));
    }

    public static Gen<Publish> publishes(ProtocolVersion v) {
        Gen<Publish> plain = qos().zip(TopicGen.names(), packetIds(), BytesGen.payloads(),
                (q, topic, id, payload) -> Publish.of(q, topic, id, payload));
        return plain.zip(Generate.booleans(), Generate.booleans(), (p, dup, retain) -> p
                .withDup(dup && (p.qos() != Qos.AT_MOST_ONCE || v == ProtocolVersion.MQTT_3_1))
                .withRetain(retain));
    }

    public static Gen<Puback> pubacks() {
        return packetIds().map(Puback::new);
    }

    public static Gen<Pubrec> pubrecs() {
        return packetIds().map(Pubrec::new);
    }

    public static Gen<Pubrel> pubrels(ProtocolVersion v) {
        return packetIds().zip(Generate.booleans(), (id, dup) -> new Pubrel(id, dup && v == ProtocolVersion.MQTT_3_1));
    }

    public static Gen<Pubcomp> pubcomps() {
        return packetIds().map(Pubcomp::new);
    }

    public static Gen<Unsuback> unsubacks() {
        return packetIds().map(Unsuback::new);
    }

    public static Gen<Subscribe> subscribes(ProtocolVersion v) {
        Gen<List<Subscription>> subs = lists().of(TopicGen.filters().zip(qos(), Subscription::new)).ofSizeBetween(1, 5);
        return packetIds().zip(subs, Generate.booleans(), (id, list, dup) ->
                new Subscribe(id, list, dup && v == ProtocolVersion.MQTT_3_1));
    }

    public static Gen<Suback> subacks(ProtocolVersion v) {
        List<Integer> allowed = v == ProtocolVersion.MQTT_3_1 ? List.of(0, 1, 2) : List.of(0, 1, 2, Suback.FAILURE);
        return packetIds().zip(lists().of(Generate.pick(allowed)).ofSizeBetween(1, 8), Suback::new);
    }

    public static Gen<Unsubscribe> unsubscribes(ProtocolVersion v) {
        return packetIds().zip(lists().of(TopicGen.filters()).ofSizeBetween(1, 5), Generate.booleans(),
                (id, filters, dup) -> new Unsubscribe(id, filters, dup && v == ProtocolVersion.MQTT_3_1));
    }

    /** {@code null} a third of the time: the absent optional fields of a CONNECT. */
    private static <T> Gen<T> optional(Gen<T> present) {
        return Generate.frequency(List.of(Pair.of(1, Generate.constant((T) null)), Pair.of(2, present)));
    }
}
