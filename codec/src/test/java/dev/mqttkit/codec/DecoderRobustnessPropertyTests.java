package dev.mqttkit.codec;

import static org.quicktheories.QuickTheory.qt;

import dev.mqttkit.codec.gen.BytesGen;
import dev.mqttkit.codec.gen.DecoderOracle;
import dev.mqttkit.codec.gen.Feed;
import dev.mqttkit.codec.gen.MqttGen;
import org.junit.jupiter.api.Test;

/**
 * Whatever a peer sends, the decoder answers with packets, NeedMoreBytes or Malformed, never another exception, the
 * same way however the bytes are cut, with lenient decoding extending strict decoding and strictly decoded packets
 * re-encoding to their own bytes: the checks of {@link DecoderOracle}, on random and on mutated valid input.
 */
class DecoderRobustnessPropertyTests {

    @Test
    void arbitraryBytesYieldOnlyPacketsNeedMoreBytesOrMalformed() {
        qt().withExamples(1000).forAll(MqttGen.strictOptions(), BytesGen.arbitrary(), Feed.feeds())
                .checkAssert(DecoderOracle::check);
    }

    @Test
    void mutatedValidStreamsYieldOnlyPacketsNeedMoreBytesOrMalformed() {
        qt().withExamples(500).forAll(MqttGen.strictOptions(), MqttGen.mutatedStreams(), Feed.feeds())
                .checkAssert(DecoderOracle::check);
    }

    @Test
    void validStreamsPassEveryCheckOfTheOracle() {
        qt().withExamples(100).forAll(MqttGen.strictOptions(), MqttGen.versions()
                        .flatMap(v -> MqttGen.streams(v).map(s -> MqttGen.encode(v, s))), Feed.feeds())
                .checkAssert(DecoderOracle::check);
    }
}
