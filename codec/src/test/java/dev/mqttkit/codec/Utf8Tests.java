package dev.mqttkit.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The encoder's side of {@link Utf8}: which strings a string field may hold ({@link Utf8#check}) and how many bytes
 * they take ({@link Utf8#encodedLength}), against the JDK's own UTF-8 encoder.
 */
class Utf8Tests {

    /** Code points of every encoded length (1 to 4 bytes), U+0000 included, surrogates excluded. */
    private static Gen<String> wellFormedStrings() {
        Gen<Integer> cp = Generate.frequency(List.of(
                Pair.of(4, integers().between(0, 0x7F)),
                Pair.of(2, integers().between(0x80, 0x7FF)),
                Pair.of(2, integers().between(0x800, 0xD7FF)),
                Pair.of(1, integers().between(0xE000, 0xFFFF)),
                Pair.of(2, integers().between(0x10000, 0x10FFFF))));
        return lists().of(cp).ofSizeBetween(0, 12).map(cps -> {
            StringBuilder b = new StringBuilder();
            cps.forEach(b::appendCodePoint);
            return b.toString();
        });
    }

    @Test
    void wellFormedStringsPassAndTakeAsManyBytesAsTheJdkWrites() {
        qt().withExamples(2000).forAll(wellFormedStrings()).checkAssert(s -> {
            byte[] jdk = s.getBytes(StandardCharsets.UTF_8);
            assertThat(Utf8.check(s, true)).isEmpty();
            assertThat(Utf8.encodedLength(s)).isEqualTo(jdk.length);
            ByteBuffer out = ByteBuffer.allocate(jdk.length);
            Utf8.write(s, out);
            assertThat(out.array()).isEqualTo(jdk);
        });
    }

    static Stream<Arguments> unpairedSurrogates() {
        return Stream.of(
                Arguments.of("high surrogate at the end", "a\uD83D"),
                Arguments.of("high surrogate before an ASCII character", "\uD83Da"),
                Arguments.of("low surrogate alone", "a\uDE00b"),
                Arguments.of("pair in the wrong order", "\uDE00\uD83D"),
                Arguments.of("two high surrogates, then a low one", "\uD83D\uD83D\uDE00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unpairedSurrogates")
    void anUnpairedSurrogateIsIllFormedAndHasNoLength(String name, String s) {
        assertThat(Utf8.check(s, true)).contains(Rule.UTF8_ILL_FORMED);
        assertThat(Utf8.check(s, false)).contains(Rule.UTF8_ILL_FORMED);
        assertThatThrownBy(() -> Utf8.encodedLength(s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unpaired surrogate");
    }

    @Test
    void nullCharacterIsRefusedOnlyWhereItIsNotAllowed() {
        assertThat(Utf8.check("a\u0000b", false)).contains(Rule.UTF8_NULL_CHARACTER);
        assertThat(Utf8.check("a\u0000b", true)).isEmpty();
        assertThat(Utf8.encodedLength("a\u0000b")).isEqualTo(3);
    }

    @Test
    void theFirstProblemInTheStringIsTheOneNamed() {
        assertThat(Utf8.check("\u0000\uD83D", false)).contains(Rule.UTF8_NULL_CHARACTER);
        assertThat(Utf8.check("\uD83D\u0000", false)).contains(Rule.UTF8_ILL_FORMED);
        assertThat(Utf8.check("\u0000\uD83D", true)).contains(Rule.UTF8_ILL_FORMED);
    }
}
