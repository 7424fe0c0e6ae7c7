package dev.mqttkit.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Topic matching and validation by example (MQTT 3.1.1 section 4.7), including the explainer's worked example. */
class TopicsTests {

    @ParameterizedTest
    @ValueSource(strings = {"#", "a/#", "a/b/#", "a/b/c/#", "+/b/c/#", "a/b/c/d", "+/b/c/d", "a/+/c/d", "a/+/+/d",
            "+/+/+/+", "a/b/c/d/#"})
    void workedExampleTopicIsMatchedBy(String filter) {
        assertThat(Topics.matches(filter, "a/b/c/d")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b/c", "b/+/c/d", "+/+/+", "a/b/c/d/+", "a/b/c/d/e", "+", "a/b/c/+/#/x", "A/b/c/d"})
    void workedExampleTopicIsNotMatchedBy(String filter) {
        assertThat(Topics.matches(filter, "a/b/c/d")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+/+     | /         | true",
            "+       | /         | false",
            "/+      | /         | true",
            "+/+/+   | /         | false",
            "a/+/b   | a//b      | true",
            "a//b    | a//b      | true",
            "a/b     | a//b      | false",
            "+/a     | /a        | true",
            "#       | /         | true",
            "/#      | /         | true",
            "a/#     | a         | true",
            "a/#     | a/        | true",
            "a/#     | ab        | false",
            "a/+     | a         | false",
            "a/+     | a/        | true",
            "+/#     | a         | true",
            "sport/tennis/+ | sport/tennis/player1 | true",
            "sport/+ | sport      | false",
            "sport/+ | sport/     | true",
    })
    void emptyLevelsAreLevels(String filter, String topic, boolean matches) {
        assertThat(Topics.matches(filter, topic)).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "#           | $SYS/broker/uptime | false",
            "+/broker/#  | $SYS/broker/uptime | false",
            "+/#         | $SYS               | false",
            "$SYS/#      | $SYS/broker/uptime | true",
            "$SYS/#      | $SYS               | true",
            "$SYS/+/uptime | $SYS/broker/uptime | true",
            "$SYS/broker/uptime | $SYS/broker/uptime | true",
            "#           | a/$SYS             | true",
            "+/$SYS      | a/$SYS             | true",
            "$+/#        | $a                 | false",
    })
    void dollarTopicsAreNotMatchedByLeadingWildcards(String filter, String topic, boolean matches) {
        assertThat(Topics.matches(filter, topic)).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a/#/b | FILTER_MULTI_LEVEL_WILDCARD",
            "a#    | FILTER_MULTI_LEVEL_WILDCARD",
            "#/a   | FILTER_MULTI_LEVEL_WILDCARD",
            "##    | FILTER_MULTI_LEVEL_WILDCARD",
            "a/b#  | FILTER_MULTI_LEVEL_WILDCARD",
            "a+    | FILTER_SINGLE_LEVEL_WILDCARD",
            "+a    | FILTER_SINGLE_LEVEL_WILDCARD",
            "a/++/b | FILTER_SINGLE_LEVEL_WILDCARD",
            "a/b+/c | FILTER_SINGLE_LEVEL_WILDCARD",
    })
    void checkFilterNamesTheBrokenRule(String filter, Rule rule) {
        assertThat(Topics.checkFilter(filter)).contains(rule);
        assertThat(Topics.isValidFilter(filter)).isFalse();
    }

    @Test
    void emptyFiltersAndNamesAreInvalid() {
        assertThat(Topics.checkFilter("")).contains(Rule.TOPIC_EMPTY);
        assertThat(Topics.checkName("")).contains(Rule.TOPIC_EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"#", "+", "/", "//", "+/+", "a/#", "+/#", "$SYS/#", "a/+/b", "/+/", "a b/ç/😀", "$"})
    void validFiltersPassCheckFilter(String filter) {
        assertThat(Topics.checkFilter(filter)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a/+   | TOPIC_NAME_WILDCARD",
            "#     | TOPIC_NAME_WILDCARD",
            "a#b   | TOPIC_NAME_WILDCARD",
    })
    void topicNamesMustNotContainWildcards(String name, Rule rule) {
        assertThat(Topics.checkName(name)).isEqualTo(Optional.of(rule));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "/", "$SYS/x", " ", "a//b", "ü/€/😀"})
    void validNamesPassCheckName(String name) {
        assertThat(Topics.checkName(name)).isEmpty();
    }
}
