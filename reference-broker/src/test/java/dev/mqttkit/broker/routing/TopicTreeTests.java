package dev.mqttkit.broker.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.Topics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicTreeTests {
    private static final String[] LEVELS = {"a", "b", "", "$SYS", "c"};

    private static Set<String> matched(TopicTree<String, Integer> tree, String topic) {
        Set<String> out = new HashSet<>();
        tree.match(topic, (s, v) -> out.add(s));
        return out;
    }

    @Test
    void matchesExactlyWhatTheCodecsMatcherMatches() {
        Random random = new Random(42);
        List<String> filters = new ArrayList<>();
        TopicTree<String, Integer> tree = new TopicTree<>(false);
        for (int i = 0; i < 400; i++) {
            String f = randomPath(random, true);
            if (Topics.isValidFilter(f)) {
                filters.add(f);
                tree.put(f, f, 0);
            }
        }
        for (int i = 0; i < 2000; i++) {
            String topic = randomPath(random, false);
            if (!Topics.isValidName(topic)) {
                continue;
            }
            Set<String> expected = new HashSet<>();
            for (String f : filters) {
                if (Topics.matches(f, topic)) {
                    expected.add(f);
                }
            }
            assertThat(matched(tree, topic)).as("filters matching '%s'", topic).isEqualTo(expected);
        }
    }

    private static String randomPath(Random random, boolean wildcards) {
        int n = 1 + random.nextInt(4);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append('/');
            }
            int pick = random.nextInt(wildcards ? LEVELS.length + 2 : LEVELS.length);
            String level = pick < LEVELS.length ? LEVELS[pick] : pick == LEVELS.length ? "+" : "#";
            if (level.equals("$SYS") && i > 0) {
                level = "d";
            }
            b.append(level);
        }
        return b.toString();
    }

    @Test
    void hashMatchesTheParentLevel() {
        TopicTree<String, Integer> tree = new TopicTree<>(false);
        tree.put("a/#", "s", 1);
        assertThat(matched(tree, "a")).containsExactly("s");
        assertThat(matched(tree, "a/b/c")).containsExactly("s");
        assertThat(matched(tree, "b")).isEmpty();
    }

    @Test
    void dollarTopicsNeedALiteralFirstLevelUnlessTheFaultIsOn() {
        TopicTree<String, Integer> tree = new TopicTree<>(false);
        tree.put("#", "hash", 0);
        tree.put("+/x", "plus", 0);
        tree.put("$SYS/#", "sys", 0);
        assertThat(matched(tree, "$SYS/x")).containsExactly("sys");
        TopicTree<String, Integer> faulty = new TopicTree<>(true);
        faulty.put("#", "hash", 0);
        assertThat(matched(faulty, "$SYS/x")).containsExactly("hash");
    }

    @Test
    void removesSubscriptionsAndPrunesEmptyBranches() {
        TopicTree<String, Integer> tree = new TopicTree<>(false);
        tree.put("a/b/c", "s", 0);
        tree.put("a/b/c", "t", 0);
        assertThat(tree.size()).isEqualTo(2);
        assertThat(tree.remove("a/b/c", "s")).isTrue();
        assertThat(tree.remove("a/b/c", "s")).isFalse();
        assertThat(tree.remove("a/b", "t")).isFalse();
        assertThat(matched(tree, "a/b/c")).containsExactly("t");
        assertThat(tree.remove("a/b/c", "t")).isTrue();
        assertThat(tree.size()).isZero();
        assertThat(matched(tree, "a/b/c")).isEmpty();
    }

    @Test
    void replacingASubscriptionKeepsOneEntry() {
        TopicTree<String, Integer> tree = new TopicTree<>(false);
        assertThat(tree.put("a", "s", 0)).isNull();
        assertThat(tree.put("a", "s", 2)).isEqualTo(0);
        List<Integer> values = new ArrayList<>();
        tree.match("a", (s, v) -> values.add(v));
        assertThat(values).containsExactly(2);
    }

    @Test
    void publishCostDoesNotGrowWithUnrelatedSubscriptions() {
        TopicTree<Integer, Integer> tree = new TopicTree<>(false);
        for (int i = 0; i < 100_000; i++) {
            tree.put("devices/" + i + "/status", i, 1);
        }
        tree.put("devices/+/status", -1, 1);
        int[] count = new int[1];
        long start = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            tree.match("devices/" + (i * 7 % 100_000) + "/status", (s, v) -> count[0]++);
        }
        long micros = (System.nanoTime() - start) / 1000;
        assertThat(count[0]).isEqualTo(20_000);
        // A scan of 100,000 filters per publish would take seconds for 10,000 publishes.
        assertThat(micros).as("10,000 matches against 100,000 subscriptions, in µs").isLessThan(1_000_000);
    }
}
