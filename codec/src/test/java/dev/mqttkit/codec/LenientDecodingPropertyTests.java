package dev.mqttkit.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.mqttkit.codec.gen.DecoderOracle;
import dev.mqttkit.codec.gen.Decoding;
import dev.mqttkit.codec.gen.Feed;
import dev.mqttkit.codec.gen.MqttGen;
import dev.mqttkit.codec.packet.Packet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Lenient decoding is strict decoding that keeps going: whatever strict decoding accepts, lenient decoding returns
 * identically and without violations; where strict decoding stops, lenient decoding either stops too or reports the
 * very rule strict decoding stopped at as the packet's first violation.
 */
class LenientDecodingPropertyTests {

    private static Gen<List<Packet>> streams() {
        return MqttGen.versions().flatMap(MqttGen::streams);
    }

    @Test
    void lenientDecodesEveryValidStreamLikeStrictWithoutViolations() {
        qt().withExamples(100).forAll(streams(), Feed.feeds()).checkAssert((packets, feed) -> {
            byte[] bytes = MqttGen.encode(((dev.mqttkit.codec.packet.Connect) packets.get(0)).version(), packets);
            Decoding.Outcome strict = Decoding.decode(DecoderOptions.server(), bytes, feed);
            Decoding.Outcome lenient = Decoding.decode(DecoderOptions.server().asLenient(), bytes, feed);
            assertThat(lenient).isEqualTo(strict);
            assertThat(lenient.decoded()).allSatisfy(d -> assertThat(d.violations()).isEmpty());
        });
    }

    @Test
    void lenientExtendsStrictOnMutatedStreams() {
        qt().withExamples(400).forAll(MqttGen.strictOptions(), MqttGen.mutatedStreams(), Feed.feeds())
                .checkAssert((options, bytes, feed) -> DecoderOracle.lenientExtendsStrict(
                        Decoding.decode(options, bytes, feed), Decoding.decode(options.asLenient(), bytes, feed)));
    }
}
