package dev.mqttkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.Topics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicTreeBenchTests {

    @ParameterizedTest
    @ValueSource(ints = {10, 10_000, 100_000})
    void everyBenchmarkTopicMatchesExactlyFiveSubscriptionsWhateverTheTreeSize(int size) {
        TopicTreeBench bench = new TopicTreeBench();
        bench.subscriptions = size;
        bench.setUp();
        assertThat(bench.tree.size()).isEqualTo(size);
        for (String topic : List.of(bench.topics[0], bench.topics[4095])) {
            List<Integer> matched = new ArrayList<>();
            bench.tree.match(topic, (subscriber, qos) -> matched.add(subscriber));
            int device = Integer.parseInt(topic.split("/")[1].substring(1));
            assertThat(matched).containsExactlyInAnyOrder(-1, -2, -3, -4, device);
            assertThat(Arrays.stream(bench.filters).filter(f -> Topics.matches(f, topic)))
                    .as("the scanning control finds the same subscriptions")
                    .containsExactlyInAnyOrder(TopicTreeBench.WILDCARDS[0], TopicTreeBench.WILDCARDS[1],
                            TopicTreeBench.WILDCARDS[2], TopicTreeBench.WILDCARDS[3], topic);
        }
    }
}
