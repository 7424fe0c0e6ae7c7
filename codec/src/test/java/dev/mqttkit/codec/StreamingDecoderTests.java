package dev.mqttkit.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.gen.BytesGen;
import dev.mqttkit.codec.gen.Decoding;
import dev.mqttkit.codec.gen.Feed;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Pingresp;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Subscribe;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How the decoder behaves across calls: partial packets, packet boundaries, failure, version and size limits. */
class StreamingDecoderTests {

    @Test
    void publishOf64KibFedInTcpSizedPiecesDecodesOnceWhenTheLastPieceArrives() {
        Publish publish = Publish.of(Qos.AT_LEAST_ONCE, "big/one", 7, Payload.of(BytesGen.filled(64 * 1024, 42)));
        byte[] bytes = MqttEncoder.of(ProtocolVersion.MQTT_3_1_1).encode(publish);
        MqttDecoder decoder = new MqttDecoder(DecoderOptions.client(ProtocolVersion.MQTT_3_1_1));
        List<DecodeResult> results = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += 1460) {
            ByteBuffer piece = ByteBuffer.wrap(bytes, at, Math.min(1460, bytes.length - at));
            results.add(decoder.next(piece));
            assertThat(piece.hasRemaining()).isFalse();
        }
        assertThat(results).hasSize((bytes.length + 1459) / 1460);
        assertThat(results.subList(0, results.size() - 1)).allMatch(r -> r instanceof DecodeResult.NeedMoreBytes);
        assertThat(results.get(results.size() - 1))
                .isEqualTo(new DecodeResult.Decoded(publish, bytes.length, List.of()));
    }

    /** A QoS 1 PUBLISH whose Remaining Length (4) ends inside its packet id, then a PINGRESP. */
    private static final byte[] ID_PAST_END = Hex.parse("32 04 00 01 61 00  d0 00");
    /** A SUBSCRIBE whose filter claims 5 bytes where the Remaining Length leaves 1, then a PINGRESP. */
    private static final byte[] STRING_PAST_END = Hex.parse("82 05 00 01 00 05 61  d0 00 00 00");

    @ParameterizedTest
    @EnumSource(Feed.Kind.class)
    void fieldRunningPastTheRemainingLengthIsMalformedEvenWhenTheNextPacketFollows(Feed.Kind kind) {
        for (Feed feed : List.of(Feed.allAtOnce(kind), Feed.bytewise(kind))) {
            for (DecoderOptions options : List.of(DecoderOptions.server(), DecoderOptions.server().asLenient())) {
                Decoding.Outcome id = Decoding.decode(options, ID_PAST_END, feed);
                assertThat(id.decoded()).isEmpty();
                assertThat(id.failure().violation().rule()).isEqualTo(Rule.FIELD_PAST_END);
                assertThat(id.failure().violation().offset()).isEqualTo(5);

                Decoding.Outcome string = Decoding.decode(options, STRING_PAST_END, feed);
                assertThat(string.decoded()).isEmpty();
                assertThat(string.failure().violation().rule()).isEqualTo(Rule.FIELD_PAST_END);
                assertThat(string.failure().violation().offset()).isEqualTo(4);
            }
        }
    }

    @Test
    void malformedPacketIsReportedWhenItsLastByteArrivesNotLater() {
        MqttDecoder decoder = new MqttDecoder(DecoderOptions.server());
        for (int i = 0; i < 5; i++) {
            assertThat(decoder.next(ByteBuffer.wrap(ID_PAST_END, i, 1))).isInstanceOf(DecodeResult.NeedMoreBytes.class);
        }
        assertThat(decoder.next(ByteBuffer.wrap(ID_PAST_END, 5, 1))).isInstanceOf(DecodeResult.Malformed.class);
    }

    @Test
    void afterMalformedEveryCallReturnsTheSameFailure() {
        MqttDecoder decoder = new MqttDecoder(DecoderOptions.server());
        DecodeResult first = decoder.next(ByteBuffer.wrap(Hex.parse("f0 00")));
        assertThat(first).isInstanceOf(DecodeResult.Malformed.class);
        assertThat(((DecodeResult.Malformed) first).violation().rule()).isEqualTo(Rule.RESERVED_PACKET_TYPE);
        assertThat(decoder.isTerminated()).isTrue();
        for (String valid : List.of("d0 00", "c0 00", "")) {
            assertThat(decoder.next(ByteBuffer.wrap(Hex.parse(valid)))).isEqualTo(first);
        }
    }

    @Test
    void serverLearnsTheVersionFromTheConnectAndReadsLaterPacketsByIt() {
        Connect connect31 = Connect.of(ProtocolVersion.MQTT_3_1, "c1", true, 60);
        byte[] subscribeWithDup = Hex.parse("8a 06 00 01 00 01 61 01");
        MqttDecoder decoder = new MqttDecoder(DecoderOptions.server());
        assertThat(decoder.version()).isEqualTo(ProtocolVersion.MQTT_3_1_1);

        assertThat(decoder.next(ByteBuffer.wrap(MqttEncoder.of(ProtocolVersion.MQTT_3_1).encode(connect31))))
                .isInstanceOf(DecodeResult.Decoded.class);
        assertThat(decoder.version()).isEqualTo(ProtocolVersion.MQTT_3_1);
        DecodeResult sub = decoder.next(ByteBuffer.wrap(subscribeWithDup));
        assertThat(sub).isEqualTo(new DecodeResult.Decoded(
                new Subscribe(1, List.of(new dev.mqttkit.codec.packet.Subscription("a", Qos.AT_LEAST_ONCE)), true),
                8, List.of()));

        MqttDecoder v311 = new MqttDecoder(DecoderOptions.server());
        v311.next(ByteBuffer.wrap(MqttEncoder.of(ProtocolVersion.MQTT_3_1_1)
                .encode(Connect.of(ProtocolVersion.MQTT_3_1_1, "c1", true, 60))));
        DecodeResult refused = v311.next(ByteBuffer.wrap(subscribeWithDup));
        assertThat(refused).isInstanceOf(DecodeResult.Malformed.class);
        assertThat(((DecodeResult.Malformed) refused).violation().ruleId()).isEqualTo("MQTT-3.8.1-1");
    }

    @Test
    void maximumPacketSizeIsCheckedAsSoonAsTheLengthIsKnown() {
        MqttDecoder decoder = new MqttDecoder(DecoderOptions.server().withMaxPacketSize(100));
        ByteBuffer header = ByteBuffer.wrap(Hex.parse("30 e8 07")); // PUBLISH claiming 1,000 bytes, none sent
        DecodeResult r = decoder.next(header);
        assertThat(r).isInstanceOf(DecodeResult.Malformed.class);
        assertThat(((DecodeResult.Malformed) r).violation().rule()).isEqualTo(Rule.PACKET_TOO_LARGE);
        assertThat(header.position()).isEqualTo(3);
    }

    @Test
    void packetOfExactlyTheMaximumSizeIsAccepted() {
        Publish p = Publish.qos0("t", Payload.of(new byte[95])); // 2 + 3 + 95 = 100 bytes
        byte[] bytes = MqttEncoder.of(ProtocolVersion.MQTT_3_1_1).encode(p);
        assertThat(bytes).hasSize(100);
        DecoderOptions at100 = DecoderOptions.client(ProtocolVersion.MQTT_3_1_1).withMaxPacketSize(100);
        assertThat(Decoding.decode(at100, bytes, Feed.bytewise(Feed.Kind.HEAP)).packets()).containsExactly(p);
        DecoderOptions at99 = at100.withMaxPacketSize(99);
        assertThat(Decoding.decode(at99, bytes, Feed.bytewise(Feed.Kind.HEAP)).failure().violation().rule())
                .isEqualTo(Rule.PACKET_TOO_LARGE);
    }

    @Test
    void packetsBackToBackInOneBufferComeOutOnePerCall() {
        byte[] two = Hex.parse("d0 00 d0 00");
        MqttDecoder decoder = new MqttDecoder(DecoderOptions.client(ProtocolVersion.MQTT_3_1_1));
        ByteBuffer in = ByteBuffer.wrap(two);
        assertThat(decoder.next(in)).isEqualTo(new DecodeResult.Decoded(Pingresp.INSTANCE, 2, List.of()));
        assertThat(in.position()).isEqualTo(2);
        assertThat(decoder.next(in)).isEqualTo(new DecodeResult.Decoded(Pingresp.INSTANCE, 2, List.of()));
        assertThat(in.hasRemaining()).isFalse();
    }
}
