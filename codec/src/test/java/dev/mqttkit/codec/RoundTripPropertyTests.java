package dev.mqttkit.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.mqttkit.codec.gen.Decoding;
import dev.mqttkit.codec.gen.Feed;
import dev.mqttkit.codec.gen.MqttGen;
import dev.mqttkit.codec.packet.PacketType;
import dev.mqttkit.codec.packet.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Encoder and decoder agree on every valid packet of every type in both versions. Agreement alone cannot show that
 * both are right (the vector tests do that); it shows that nothing a sender may send is lost or changed in transit.
 */
class RoundTripPropertyTests {

    @Test
    void decodeOfEncodeIsIdentityForAnyValidPacket() {
        Set<PacketType> seen = EnumSet.noneOf(PacketType.class);
        qt().withExamples(1000).forAll(MqttGen.versionedPackets()).checkAssert(vp -> {
            ProtocolVersion v = vp._1;
            byte[] bytes = MqttEncoder.of(v).encode(vp._2);
            Decoding.Outcome out = Decoding.decode(DecoderOptions.client(v), bytes, Feed.allAtOnce(Feed.Kind.HEAP));
            assertThat(out.failure()).isNull();
            assertThat(out.packets()).containsExactly(vp._2);
            assertThat(out.decoded().get(0).length()).isEqualTo(bytes.length);
            seen.add(vp._2.type());
        });
        assertThat(seen).as("packet types the generator produced").containsExactlyInAnyOrder(PacketType.values());
    }

    @Test
    void encodeOfDecodeIsIdentityForEncodedPackets() {
        qt().withExamples(200)
                .forAll(MqttGen.versions().flatMap(v -> MqttGen.streams(v).map(s -> MqttGen.encode(v, s))))
                .checkAssert(bytes -> {
                    List<Decoding.Frame> frames = Decoding.frames(DecoderOptions.server(), bytes);
                    ByteBuffer again = ByteBuffer.allocate(bytes.length);
                    for (Decoding.Frame f : frames) {
                        ProtocolVersion v = f.packet() instanceof dev.mqttkit.codec.packet.Connect c
                                ? c.version() : f.version();
                        again.put(MqttEncoder.of(v).encode(f.packet()));
                    }
                    assertThat(again.array()).isEqualTo(bytes);
                });
    }

    @Test
    void encodingIntoABufferWritesTheSameBytesAtItsPosition() {
        qt().withExamples(300).forAll(MqttGen.versionedPackets()).checkAssert(vp -> {
            MqttEncoder encoder = MqttEncoder.of(vp._1);
            byte[] expected = encoder.encode(vp._2);
            assertThat(encoder.encodedLength(vp._2)).isEqualTo(expected.length);
            ByteBuffer out = ByteBuffer.allocate(expected.length + 10).position(3);
            encoder.encode(vp._2, out);
            assertThat(out.position()).isEqualTo(3 + expected.length);
            byte[] written = new byte[expected.length];
            out.flip().position(3);
            out.get(written);
            assertThat(written).isEqualTo(expected);
        });
    }
}
