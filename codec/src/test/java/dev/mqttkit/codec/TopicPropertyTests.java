package dev.mqttkit.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.mqttkit.codec.gen.TopicGen;
import java.util.Arrays;
import java.util.List;
import org.quicktheories.api.Pair;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** The laws of topic matching (MQTT 3.1.1 section 4.7) over generated names and filters. */
class TopicPropertyTests {

    @Test
    void generatedNamesAndFiltersAreValid() {
        qt().withExamples(500).forAll(TopicGen.names(), TopicGen.filters()).checkAssert((name, filter) -> {
            assertThat(Topics.checkName(name)).isEmpty();
            assertThat(Topics.checkFilter(name)).isEmpty();
            assertThat(Topics.checkFilter(filter)).isEmpty();
        });
    }

    @Test
    void multiLevelWildcardAloneMatchesEveryTopicNotStartingWithDollar() {
        qt().withExamples(500).forAll(TopicGen.names()).checkAssert(topic ->
                assertThat(Topics.matches("#", topic)).isEqualTo(!topic.startsWith("$")));
    }

    @Test
    void filterWithoutWildcardsMatchesExactlyItself() {
        qt().withExamples(500).forAll(TopicGen.names(), TopicGen.names()).checkAssert((a, b) -> {
            assertThat(Topics.matches(a, a)).isTrue();
            assertThat(Topics.matches(a, b)).isEqualTo(a.equals(b));
            assertThat(Topics.matches(a, a + "/")).isFalse();
            assertThat(Topics.matches(a + "/", a)).isFalse();
            assertThat(Topics.matches(a, a + "/" + b)).isFalse();
        });
    }

    @Test
    void replacingAnyLevelBySingleLevelWildcardStillMatches() {
        qt().withExamples(500).forAll(TopicGen.names(), integers().between(0, 10)).checkAssert((topic, n) -> {
            String[] levels = topic.split("/", -1);
            int i = n % levels.length;
            levels[i] = "+";
            String filter = String.join("/", levels);
            assertThat(Topics.matches(filter, topic)).as(filter).isEqualTo(i > 0 || !topic.startsWith("$"));
        });
    }

    @Test
    void replacingAnyTailByMultiLevelWildcardStillMatches() {
        qt().withExamples(500).forAll(TopicGen.names(), integers().between(0, 10)).checkAssert((topic, n) -> {
            String[] levels = topic.split("/", -1);
            int keep = n % (levels.length + 1); // keep == levels.length: "topic/#" matches its parent "topic"
            String[] prefix = Arrays.copyOf(levels, keep + 1);
            prefix[keep] = "#";
            String filter = String.join("/", prefix);
            assertThat(Topics.matches(filter, topic)).as(filter).isEqualTo(keep > 0 || !topic.startsWith("$"));
        });
    }

    @Test
    void dollarTopicsAreMatchedByDollarSysButNotByLeadingWildcards() {
        qt().withExamples(300).forAll(TopicGen.names(), TopicGen.filters()).checkAssert((rest, filter) -> {
            String sys = "$SYS/" + rest;
            assertThat(Topics.matches("$SYS/#", sys)).isTrue();
            assertThat(Topics.matches("$SYS/#", "$SYS")).isTrue();
            if (filter.startsWith("+") || filter.startsWith("#")) {
                assertThat(Topics.matches(filter, sys)).isFalse();
            }
        });
    }

    @Test
    void matchingAgreesWithTheLevelByLevelDefinition() {
        int[] outcomes = new int[2];
        qt().withExamples(2000).forAll(Generate.frequency(List.of(
                Pair.of(1, TopicGen.filters().zip(TopicGen.names(), Pair::of)),
                Pair.of(1, TopicGen.matchingPairs())))).checkAssert(ft -> {
            boolean expected = byDefinition(ft._1, ft._2);
            assertThat(Topics.matches(ft._1, ft._2)).as("'%s' matches '%s'", ft._1, ft._2).isEqualTo(expected);
            outcomes[expected ? 1 : 0]++;
        });
        assertThat(outcomes[0]).as("non-matching pairs drawn").isGreaterThan(100);
        assertThat(outcomes[1]).as("matching pairs drawn").isGreaterThan(100);
    }

    @Test
    void generatedMatchingPairsMatch() {
        qt().withExamples(500).forAll(TopicGen.matchingPairs()).checkAssert(p ->
                assertThat(Topics.matches(p._1, p._2)).as("'%s' matches '%s'", p._1, p._2).isTrue());
    }

    @Test
    void wildcardsAppendedToAFilterAreValidOnlyAsAWholeLevel() {
        qt().withExamples(500).forAll(TopicGen.filters()).checkAssert(f -> {
            assertThat(Topics.isValidFilter(f + "+")).as(f + "+").isEqualTo(f.endsWith("/"));
            assertThat(Topics.isValidFilter(f + "#")).as(f + "#").isEqualTo(f.endsWith("/"));
            assertThat(Topics.isValidFilter("#/" + f)).as("#/" + f).isFalse();
            assertThat(Topics.isValidFilter("x+/" + f)).as("x+/" + f).isFalse();
        });
    }

    /** Matching as section 4.7 states it, level by level, written for clarity rather than speed. */
    static boolean byDefinition(String filter, String topic) {
        if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false;
        }
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }
}
