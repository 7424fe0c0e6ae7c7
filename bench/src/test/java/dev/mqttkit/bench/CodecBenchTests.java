package dev.mqttkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.DecoderOptions;
import dev.mqttkit.codec.MqttDecoder;
import dev.mqttkit.codec.MqttEncoder;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.PacketIdOnly;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Subscribe;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves the codec benchmarks compare like with like: both decoders read the same packets from the same bytes in
 * every feeding, both encoders write the same bytes, and the copy ceiling delivers every packet. Runs each loop a
 * few times on one decoder, as the benchmark does, so a decoder left mid-packet between operations would show.
 */
class CodecBenchTests {
    private static final int PASSES = 3;

    @ParameterizedTest
    @CsvSource({"mixed, whole", "mixed, 1460", "small, 1460", "large, whole", "large, 1460", "mixed, 1"})
    void ourDecoderReadsTheWorkloadsPacketsInEveryFeeding(String name, String feed) {
        decodesTheWorkloadsPackets(DecoderOptions.server(), Workload.named(name), feed);
    }

    @ParameterizedTest
    @CsvSource({"mixed, whole", "mixed, 1460", "small, whole", "large, whole", "large, 1460", "mixed, 1"})
    void ourDecoderSharingTheInputReadsTheSamePacketsInEveryFeeding(String name, String feed) {
        decodesTheWorkloadsPackets(DecoderOptions.server().sharingInput(), Workload.named(name), feed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"whole", "1460"})
    void sharingTheInputLetsTheLargePayloadViewTheWorkloadOnlyWhenItArrivesWhole(String feed) {
        Workload w = Workload.large();
        byte[] bytes = w.bytes().clone();
        List<Packet> shared = new ArrayList<>();
        List<Packet> copied = new ArrayList<>();
        Feeds.decode(new MqttDecoder(DecoderOptions.server().sharingInput()), bytes, w.cuts(feed), shared::add);
        Feeds.decode(new MqttDecoder(DecoderOptions.server()), bytes, w.cuts(feed), copied::add);
        bytes[bytes.length - 1]++;

        byte[] sharedPayload = ((Publish) shared.get(0)).payload().toByteArray();
        byte[] copiedPayload = ((Publish) copied.get(0)).payload().toByteArray();
        assertThat(sharedPayload[sharedPayload.length - 1] == bytes[bytes.length - 1]).isEqualTo(feed.equals("whole"));
        assertThat(copiedPayload[copiedPayload.length - 1]).isEqualTo((byte) (bytes[bytes.length - 1] - 1));
    }

    private static void decodesTheWorkloadsPackets(DecoderOptions options, Workload w, String feed) {
        MqttDecoder decoder = new MqttDecoder(options);
        for (int pass = 0; pass < PASSES; pass++) {
            List<Packet> seen = new ArrayList<>();
            Feeds.decode(decoder, w.bytes(), w.cuts(feed), seen::add);
            assertThat(seen).containsExactlyElementsOf(w.packets());
        }
    }

    @ParameterizedTest
    @CsvSource({"mixed, whole", "mixed, 1460", "small, whole", "large, whole", "large, 1460"})
    void nettyDecoderReadsTheSamePacketsFromTheSameBytes(String name, String feed) {
        Workload w = Workload.named(name);
        List<String> seen = new ArrayList<>();
        EmbeddedChannel channel = NettyPeer.decoding(m -> seen.add(describe((MqttMessage) m)));
        for (int pass = 0; pass < PASSES; pass++) {
            seen.clear();
            NettyPeer.feed(channel, w.bytes(), w.cuts(feed));
            assertThat(seen).containsExactlyElementsOf(w.packets().stream().map(CodecBenchTests::describe).toList());
        }
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"whole", "1460"})
    void copyCeilingDeliversEveryPacketsBytes(String feed) {
        Workload w = Workload.mixed();
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        List<Integer> sizes = new ArrayList<>();
        Feeds.copyCeiling(w.bytes(), w.cuts(feed), w.packetEnds(), a -> {
            sizes.add(a.length);
            joined.writeBytes(a);
        });
        assertThat(sizes).hasSize(w.packetCount());
        assertThat(joined.toByteArray()).isEqualTo(w.bytes());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void bothEncodersWriteTheWorkloadsBytes(int passes) {
        Workload w = Workload.mixed();
        MqttEncoder encoder = MqttEncoder.of(ProtocolVersion.MQTT_3_1_1);
        ByteBuffer out = ByteBuffer.allocate(w.bytes().length);
        List<MqttMessage> messages = NettyPeer.messages(w);
        for (int pass = 0; pass < passes; pass++) {
            assertThat(Arrays.copyOf(Feeds.encodeInto(encoder, w.packets(), out).array(), out.position()))
                    .isEqualTo(w.bytes());
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            Feeds.encodeToArrays(encoder, w.packets(), ours::writeBytes);
            assertThat(ours.toByteArray()).isEqualTo(w.bytes());
            ByteArrayOutputStream netty = new ByteArrayOutputStream();
            EmbeddedChannel channel = NettyPeer.encoding(b -> netty.writeBytes(ByteBufUtil.getBytes(b)));
            NettyPeer.write(channel, messages);
            assertThat(netty.toByteArray()).isEqualTo(w.bytes());
            channel.finishAndReleaseAll();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"whole", "1460"})
    void feedCutsCoverTheStreamInTcpSizedPieces(String feed) {
        Workload w = Workload.mixed();
        int[] cuts = w.cuts(feed);
        assertThat(cuts[cuts.length - 1]).isEqualTo(w.bytes().length);
        int expectedPieces = feed.equals("whole") ? 1 : (w.bytes().length + 1459) / 1460;
        assertThat(cuts).hasSize(expectedPieces);
        assertThat(w.packetCount()).isEqualTo(85);
    }

    /** Type, packet id and the fields that identify the packet: enough to tell two decodings apart. */
    private static String describe(Packet p) {
        String type = p.type().name();
        if (p instanceof Publish pub) {
            return type + " q" + pub.qos().value() + " m" + pub.packetId() + " " + pub.topic() + " "
                    + Arrays.hashCode(pub.payload().toByteArray()) + "/" + pub.payload().size();
        } else if (p instanceof PacketIdOnly ack) {
            return type + " m" + ack.packetId();
        } else if (p instanceof Subscribe sub) {
            return type + " m" + sub.packetId() + " " + sub.subscriptions().stream()
                    .map(s -> s.filter() + " q" + s.qos().value()).toList();
        } else if (p instanceof Suback ack) {
            return type + " m" + ack.packetId() + " " + ack.returnCodes();
        } else if (p instanceof Connect c) {
            return type + " " + c.clientId() + " " + c.will().topic() + " " + c.userName();
        }
        return type;
    }

    private static String describe(MqttMessage m) {
        assertThat(m.decoderResult().isSuccess()).as("netty decoded %s", m).isTrue();
        String type = m.fixedHeader().messageType().name();
        if (m instanceof MqttPublishMessage pub) {
            byte[] payload = ByteBufUtil.getBytes(pub.payload());
            return type + " q" + pub.fixedHeader().qosLevel().value()
                    + " m" + Math.max(0, pub.variableHeader().packetId())
                    + " " + pub.variableHeader().topicName() + " " + Arrays.hashCode(payload) + "/" + payload.length;
        } else if (m instanceof MqttSubscribeMessage sub) {
            return type + " m" + sub.variableHeader().messageId() + " " + sub.payload().topicSubscriptions().stream()
                    .map(s -> s.topicFilter() + " q" + s.qualityOfService().value()).toList();
        } else if (m instanceof MqttSubAckMessage ack) {
            return type + " m" + ack.variableHeader().messageId() + " " + ack.payload().grantedQoSLevels();
        } else if (m instanceof MqttConnectMessage c) {
            return type + " " + c.payload().clientIdentifier() + " " + c.payload().willTopic() + " "
                    + c.payload().userName();
        } else if (m.variableHeader() instanceof MqttMessageIdVariableHeader id) {
            return type + " m" + id.messageId();
        }
        return type;
    }
}
