package dev.mqttkit.report.html;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatTests {

    @Test
    void hexIsShownInLinesOfSixteenBytesWhateverSpacingTheSuiteUsed() {
        String spaced = "10 0e 00 04 4d 51 54 54 04 02 00 3c 00 02 63 31 ff";
        assertThat(Format.hexLines(spaced))
                .containsExactly("10 0e 00 04 4d 51 54 54 04 02 00 3c 00 02 63 31", "ff");
        assertThat(Format.hexLines("100e0004")).containsExactly("10 0e 00 04");
        assertThat(Format.byteCount(spaced)).isEqualTo(17);
        assertThat(Format.byteCount("")).isZero();
        assertThat(Format.hexLines(null)).isEmpty();
    }

    @Test
    void offsetsAreMillisecondsWithMicrosecondPrecision() {
        assertThat(Format.offset(0)).isEqualTo("+0.000 ms");
        assertThat(Format.offset(2500)).isEqualTo("+2.500 ms");
        assertThat(Format.offset(3_001_251)).isEqualTo("+3001.251 ms");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(Format.duration(184)).isEqualTo("184 ms");
        assertThat(Format.duration(41_700)).isEqualTo("41.7 s");
        assertThat(Format.duration(125_000)).isEqualTo("2 min 5 s");
        assertThat(Format.duration(3_900_000)).isEqualTo("1 h 5 min");
    }
}
