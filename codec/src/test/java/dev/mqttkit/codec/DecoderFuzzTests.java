package dev.mqttkit.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mqttkit.codec.gen.DecoderOracle;
import dev.mqttkit.codec.gen.FuzzInput;

/**
 * Coverage-guided fuzzing of the decoder with the checks of {@link DecoderOracle}. In a normal build these run the
 * stored inputs only (regression mode: the seeds under {@code DecoderFuzzTestsInputs/}, built from the fixtures by
 * {@code fuzz-seeds.sh}); {@code fuzz.sh} fuzzes each for real, for a bounded time. Any exception other than the
 * oracle's verdict is a finding; turn its {@code crash-*} file into a seed so it stays fixed.
 */
class DecoderFuzzTests {

    @FuzzTest(maxDuration = "60s")
    void strictDecodingOfAnyBytes(byte[] data) {
        FuzzInput in = FuzzInput.parse(data);
        DecoderOracle.checkStrict(in.options(), in.stream(), in.feed());
    }

    @FuzzTest(maxDuration = "60s")
    void lenientDecodingOfAnyBytes(byte[] data) {
        FuzzInput in = FuzzInput.parse(data);
        DecoderOracle.checkLenient(in.options().asLenient(), in.stream(), in.feed());
    }
}
