package dev.mqttkit.broker.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.Topics;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetainedStoreTests {
    private static final List<String> TOPICS = List.of("a", "a/b", "a/b/c", "a//c", "/a", "$SYS/x", "$SYS", "b/x",
            "a/x/c");
    private static final List<String> FILTERS = List.of("#", "+", "a/#", "a/+", "a/+/c", "+/+", "/+", "$SYS/#",
            "+/x", "a/b/c", "a//c", "+/#", "$SYS", "#/x".replace("#/x", "b/#"), "a/+/+/#");

    @Test
    void matchesExactlyWhatTheCodecsMatcherMatches() {
        RetainedStore<String> store = new RetainedStore<>(false);
        TOPICS.forEach(t -> store.put(t, t));
        for (String filter : FILTERS) {
            Set<String> expected = new HashSet<>();
            for (String t : TOPICS) {
                if (Topics.matches(filter, t)) {
                    expected.add(t);
                }
            }
            Set<String> got = new HashSet<>();
            store.match(filter, got::add);
            assertThat(got).as("retained topics matching '%s'", filter).isEqualTo(expected);
        }
    }

    @Test
    void replacesAndRemoves() {
        RetainedStore<String> store = new RetainedStore<>(false);
        store.put("a/b", "1");
        store.put("a/b", "2");
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.get("a/b")).isEqualTo("2");
        store.remove("a/b");
        store.remove("never");
        assertThat(store.size()).isZero();
        assertThat(store.get("a/b")).isNull();
    }
}
