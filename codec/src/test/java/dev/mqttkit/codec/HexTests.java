package dev.mqttkit.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Hex as fixtures, transcripts and reports write it: lower-case pairs, single spaces, and a classic dump. */
class HexTests {
    private static final byte[] PUBLISH = {0x30, 0x0a, 0x00, 0x03, 'a', '/', 'b', 'h', 'e', 'l', 'l', 'o'};

    @Test
    void formatsLowerCasePairsSeparatedBySingleSpaces() {
        assertThat(Hex.format(PUBLISH)).isEqualTo("30 0a 00 03 61 2f 62 68 65 6c 6c 6f");
        assertThat(Hex.format(new byte[] {(byte) 0xff, (byte) 0x80, 0x7f})).isEqualTo("ff 80 7f");
        assertThat(Hex.format(new byte[0])).isEmpty();
    }

    @Test
    void formatsARange() {
        assertThat(Hex.format(PUBLISH, 4, 7)).isEqualTo("61 2f 62");
        assertThat(Hex.format(PUBLISH, 3, 3)).isEmpty();
    }

    @Test
    void parsesWhatItFormats() {
        assertThat(Hex.parse(Hex.format(PUBLISH))).isEqualTo(PUBLISH);
        assertThat(Hex.parse("")).isEmpty();
    }

    @Test
    void parsesAnyWhitespaceAndEitherCase() {
        assertThat(Hex.parse("300a0003")).isEqualTo(new byte[] {0x30, 0x0a, 0x00, 0x03});
        assertThat(Hex.parse("  30 0A\n00\t03 \r\n")).isEqualTo(new byte[] {0x30, 0x0a, 0x00, 0x03});
        assertThat(Hex.parse("3 0 0 a")).isEqualTo(new byte[] {0x30, 0x0a});
        assertThat(Hex.parse("FF ff")).isEqualTo(new byte[] {(byte) 0xff, (byte) 0xff});
    }

    @Test
    void refusesAnOddNumberOfDigits() {
        assertThatThrownBy(() -> Hex.parse("30 0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("odd");
    }

    @Test
    void refusesCharactersThatAreNotHexDigits() {
        assertThatThrownBy(() -> Hex.parse("30 0g")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hex.parse("30,0b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hex.parse("0x30")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dumpsOffsetsBytesInTwoGroupsAndPrintableAscii() {
        assertThat(Hex.dump(PUBLISH))
                .isEqualTo("0000  30 0a 00 03 61 2f 62 68  65 6c 6c 6f              |0...a/bhello|\n");
    }

    @Test
    void dumpsSixteenBytesALineWithColumnsAligned() {
        byte[] bytes = new byte[17];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (0x70 + i);
        }

        String[] lines = Hex.dump(bytes).split("\n");

        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("0000  70 71 72 73 74 75 76 77  78 79 7a 7b 7c 7d 7e 7f  |pqrstuvwxyz{|}~.|");
        assertThat(lines[1]).startsWith("0010  80 ").endsWith("  |.|");
        assertThat(lines[1].indexOf('|')).isEqualTo(lines[0].indexOf('|'));
    }

    @Test
    void dumpShowsSpaceAndTildeButDotsForEverythingElseOutsideAscii() {
        byte[] bytes = {0x1f, 0x20, 0x7e, 0x7f, (byte) 0x80, (byte) 0xff, 0x00};

        assertThat(Hex.dump(bytes)).endsWith("|. ~....|\n");
    }

    @Test
    void dumpOfNothingIsEmpty() {
        assertThat(Hex.dump(new byte[0])).isEmpty();
    }
}
