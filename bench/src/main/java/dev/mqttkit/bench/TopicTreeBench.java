package dev.mqttkit.bench;

import dev.mqttkit.broker.routing.TopicTree;
import dev.mqttkit.codec.Topics;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The reference broker's subscription matching, the work of routing one publish, with 10, 10,000 and 100,000
 * subscriptions held. Each published topic matches exactly five subscriptions in every case (four wildcard filters
 * and one exact filter), so the rows differ only in how many subscriptions the tree holds, and their ratio is
 * what a large subscription table costs each publish. Topics are drawn from 4,096 precomputed names spread over all
 * exact subscriptions, so the large tree is not measured with one hot branch in cache. {@link #matchPublishByScan}
 * is the control: the same matching without an index.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class TopicTreeBench {
    static final String[] WILDCARDS = {"devices/+/telemetry", "devices/#", "#", "+/+/telemetry"};

    @Param({"10", "10000", "100000"})
    public int subscriptions;

    TopicTree<Integer, Integer> tree;
    String[] filters;
    String[] topics;
    int next;

    @Setup
    public void setUp() {
        tree = build(subscriptions);
        filters = new String[subscriptions];
        for (int i = 0; i < subscriptions; i++) {
            filters[i] = i < WILDCARDS.length ? WILDCARDS[i] : "devices/d" + (i - WILDCARDS.length) + "/telemetry";
        }
        int exact = subscriptions - WILDCARDS.length;
        SplittableRandom random = new SplittableRandom(42);
        topics = new String[4096];
        for (int i = 0; i < topics.length; i++) {
            topics[i] = "devices/d" + random.nextInt(exact) + "/telemetry";
        }
    }

    /** Four wildcard subscriptions and {@code total - 4} exact ones, {@code devices/d<i>/telemetry}. */
    static TopicTree<Integer, Integer> build(int total) {
        TopicTree<Integer, Integer> tree = new TopicTree<>(false);
        for (int i = 0; i < WILDCARDS.length; i++) {
            tree.put(WILDCARDS[i], -1 - i, 1);
        }
        for (int i = 0; i < total - WILDCARDS.length; i++) {
            tree.put("devices/d" + i + "/telemetry", i, 1);
        }
        return tree;
    }

    @Benchmark
    public void matchPublish(Blackhole bh) {
        String topic = topics[next++ & (topics.length - 1)];
        tree.match(topic, (subscriber, qos) -> bh.consume(subscriber));
    }

    /** The control: what matching costs without an index, every filter tried against the topic. */
    @Benchmark
    public void matchPublishByScan(Blackhole bh) {
        String topic = topics[next++ & (topics.length - 1)];
        for (String filter : filters) {
            if (Topics.matches(filter, topic)) {
                bh.consume(filter);
            }
        }
    }
}
