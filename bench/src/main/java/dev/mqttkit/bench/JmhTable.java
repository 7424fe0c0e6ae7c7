package dev.mqttkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a JMH JSON result ({@code -rf json -rff FILE}) of {@link CodecBench} and {@link TopicTreeBench} into the
 * Markdown tables of bench/README.md, with the ratios the targets are stated in, so the figures are never copied by
 * hand. {@code java -cp bench/target/benchmarks.jar dev.mqttkit.bench.JmhTable FILE}
 */
public final class JmhTable {
    private final Map<String, double[]> scores = new HashMap<>();

    private JmhTable() {
    }

    public static void main(String[] args) throws IOException {
        JmhTable t = new JmhTable();
        for (JsonNode run : new ObjectMapper().readTree(Path.of(args[0]).toFile())) {
            StringBuilder key = new StringBuilder(run.get("benchmark").asText().replaceFirst(".*\\.", ""));
            JsonNode params = run.get("params");
            if (params != null) {
                Map<String, String> sorted = new TreeMap<>();
                params.properties().forEach(p -> sorted.put(p.getKey(), p.getValue().asText()));
                sorted.forEach((name, value) -> key.append(' ').append(name).append('=').append(value));
            }
            JsonNode metric = run.get("primaryMetric");
            double best = 0;
            for (JsonNode fork : metric.get("rawData")) {
                for (JsonNode iteration : fork) {
                    best = Math.max(best, iteration.asDouble());
                }
            }
            t.scores.put(key.toString(), new double[] {metric.get("score").asDouble(), best});
        }
        System.out.print(t.render());
    }

    private String render() {
        StringBuilder b = new StringBuilder();
        List<String> verdicts = new ArrayList<>();
        b.append("Each cell: mean over the measurement iterations (best iteration). mqttkit: our decoder as it comes "
                + "(payloads copied); shared: with DecoderOptions.sharingInput() (payloads view the input). "
                + "Packets/s = ops/s × packets per op (mixed 85, small 84, large 1).\n\n");
        b.append("| workload | feed | mqttkit ops/s | mqttkit shared ops/s | Netty ops/s | copy ceiling ops/s "
                + "| mqttkit ÷ Netty | shared ÷ Netty | mqttkit ÷ ceiling | shared ÷ ceiling | ceiling ÷ Netty |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String workload : List.of("mixed", "small", "large")) {
            for (String feed : List.of("whole", "1460")) {
                String params = " feed=" + feed + " workload=" + workload;
                double[] ours = score("decodeMqttkit" + params);
                double[] shared = score("decodeMqttkitShared" + params);
                double[] netty = score("decodeNetty" + params);
                double[] ceiling = score("decodeCopyCeiling" + params);
                b.append("| ").append(workload).append(" | ").append(feed).append(" | ").append(ops(ours))
                        .append(" | ").append(ops(shared)).append(" | ").append(ops(netty)).append(" | ")
                        .append(ops(ceiling)).append(" | ").append(ratio(ours, netty)).append(" | ")
                        .append(ratio(shared, netty)).append(" | ").append(ratio(ours, ceiling)).append(" | ")
                        .append(ratio(shared, ceiling)).append(" | ").append(ratio(ceiling, netty)).append(" |\n");
                if (workload.equals("mixed")) {
                    int target = feed.equals("whole") ? 2 : 4;
                    String name = "decode " + feed + " (mixed) ≥ " + target + "× Netty";
                    verdicts.add(verdict(name + ", copying (default)", ours, netty, target));
                    verdicts.add(verdict(name + ", sharing the input", shared, netty, target));
                } else if (workload.equals("large") && feed.equals("1460")) {
                    verdicts.add(verdict("64 KiB publish in 1460-byte chunks ≥ 0.5× the copy ceiling", ours, ceiling,
                            0.5));
                }
            }
        }
        double[] netty = score("encodeNetty");
        b.append("\n| encoder (mixed workload) | ops/s | packets/s | ÷ Netty |\n|---|---:|---:|---:|\n");
        int packets = Workload.mixed().packetCount();
        for (String m : List.of("encodeMqttkit", "encodeMqttkitToArrays", "encodeNetty")) {
            double[] s = score(m);
            b.append("| ").append(m).append(" | ").append(ops(s)).append(" | ")
                    .append(ops(new double[] {s[0] * packets, s[1] * packets})).append(" | ").append(ratio(s, netty))
                    .append(" |\n");
        }
        verdicts.add(verdict("encode (into a buffer) ≥ 1.5× Netty", score("encodeMqttkit"), netty, 1.5));
        double[] few = score("matchPublish subscriptions=10");
        if (!Double.isNaN(few[0])) {
            b.append("\n| subscriptions | topic tree: publishes matched/s | ÷ 10 subscriptions "
                    + "| control, scanning every filter: publishes/s |\n|---:|---:|---:|---:|\n");
            for (String n : List.of("10", "10000", "100000")) {
                double[] tree = score("matchPublish subscriptions=" + n);
                b.append(String.format(Locale.ROOT, "| %,d | ", Integer.parseInt(n))).append(ops(tree)).append(" | ")
                        .append(ratio(tree, few)).append(" | ")
                        .append(ops(score("matchPublishByScan subscriptions=" + n))).append(" |\n");
            }
        }
        b.append("\nTargets (on the mean; best iteration in parentheses):\n");
        verdicts.forEach(v -> b.append("- ").append(v).append('\n'));
        return b.toString();
    }

    private static String verdict(String target, double[] ours, double[] peer, double wanted) {
        double mean = ours[0] / peer[0];
        return target + ": " + ratio(ours, peer) + " — " + (mean >= wanted ? "met" : "MISSED");
    }

    private static String ratio(double[] a, double[] b) {
        return String.format(Locale.ROOT, "%.2f× (%.2f×)", a[0] / b[0], a[1] / b[1]);
    }

    private static String ops(double[] s) {
        return String.format(Locale.ROOT, "%,.0f (%,.0f)", s[0], s[1]);
    }

    private double[] score(String key) {
        return scores.getOrDefault(key, new double[] {Double.NaN, Double.NaN});
    }
}
