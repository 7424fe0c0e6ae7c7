package dev.mqttkit.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.mqttkit.codec.gen.Decoding;
import dev.mqttkit.codec.gen.Feed;
import dev.mqttkit.codec.gen.MqttGen;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.ProtocolVersion;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * A connection's bytes arrive cut anywhere: a decoder must return the same packets however the stream is split and
 * whatever kind of buffer carries it (heap, direct, read-only, with a position or an array offset), never read past
 * its buffer's window, and never keep pointing into a buffer once it is done with it ({@link Decoding} overwrites
 * every buffer after use).
 */
class StreamingPropertyTests {

    private static Gen<List<Packet>> streams() {
        return MqttGen.versions().flatMap(MqttGen::streams);
    }

    @Test
    void anySplitOfAStreamDecodesToTheSamePacketsOnTheServerSide() {
        qt().withExamples(300).forAll(streams(), Feed.feeds()).checkAssert((packets, feed) -> {
            ProtocolVersion v = ((dev.mqttkit.codec.packet.Connect) packets.get(0)).version();
            byte[] stream = MqttGen.encode(v, packets);
            Decoding.Outcome out = Decoding.decode(DecoderOptions.server(), stream, feed);
            assertThat(out.clean()).as("ended cleanly: %s", out).isTrue();
            assertThat(out.packets()).isEqualTo(packets);
            assertThat(out.versions()).containsOnly(v);
            assertThat(out.decoded().stream().mapToInt(DecodeResult.Decoded::length).sum()).isEqualTo(stream.length);
        });
    }

    @Test
    void anySplitOfAStreamDecodesToTheSamePacketsOnTheClientSide() {
        Gen<Pair<ProtocolVersion, List<Packet>>> fromServer = MqttGen.versions().flatMap(v -> MqttGen.streams(v)
                .map(s -> Pair.of(v, s.subList(1, s.size()))));
        qt().withExamples(200).forAll(fromServer, Feed.feeds()).checkAssert((vs, feed) -> {
            Decoding.Outcome out = Decoding.decode(DecoderOptions.client(vs._1), MqttGen.encode(vs._1, vs._2), feed);
            assertThat(out.clean()).as("ended cleanly: %s", out).isTrue();
            assertThat(out.packets()).isEqualTo(vs._2);
        });
    }

    @Test
    void maximumPacketSizeRefusesExactlyTheFirstPacketAboveIt() {
        Gen<Integer> maxima = Generate.frequency(List.of(Pair.of(1, integers().between(2, 200)),
                Pair.of(1, integers().between(2, 80_000))));
        qt().withExamples(200).forAll(streams(), Feed.feeds(), maxima).checkAssert(
                (packets, feed, max) -> {
                    ProtocolVersion v = ((dev.mqttkit.codec.packet.Connect) packets.get(0)).version();
                    MqttEncoder encoder = MqttEncoder.of(v);
                    int fitting = 0;
                    while (fitting < packets.size() && encoder.encodedLength(packets.get(fitting)) <= max) {
                        fitting++;
                    }
                    Decoding.Outcome out = Decoding.decode(DecoderOptions.server().withMaxPacketSize(max),
                            MqttGen.encode(v, packets), feed);
                    assertThat(out.packets()).isEqualTo(packets.subList(0, fitting));
                    if (fitting < packets.size()) {
                        assertThat(out.failure().violation().rule()).isEqualTo(Rule.PACKET_TOO_LARGE);
                    } else {
                        assertThat(out.clean()).isTrue();
                    }
                });
    }
}
