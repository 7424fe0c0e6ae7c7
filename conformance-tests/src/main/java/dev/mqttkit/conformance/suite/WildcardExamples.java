package dev.mqttkit.conformance.suite;

import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Generators of topic trees and filters for the wildcard property, relative to a root chosen at run time, so that
 * every filter stays inside the test's own topics even on a shared broker: {@code R} stands for the test's root (two
 * levels, the second unique), {@code $R} for the same root behind a {@code $}, and {@code +R} for a first level
 * {@code +} followed by the unique level. Levels include empty ones, non-ASCII text and a long level, so that matching
 * is exercised where brokers tend to cut corners.
 * Not the codec's topic generator, which draws any valid topic for properties of the codec alone: these examples are
 * few, small and rooted, because each one runs against a live broker.
 */
final class WildcardExamples {
    static final String ROOT = "R";
    static final String DOLLAR_ROOT = "$R";
    static final String PLUS_ROOT = "+R";
    private static final List<String> LEVELS = List.of("a", "b", "", "\u00fc", "\u65e5\u672c", "sp ace",
            "L".repeat(300));

    /** One example: the filters a client subscribes to and the topics published. */
    record Example(List<String> filters, List<String> topics) {
        @Override
        public String toString() {
            return "filters " + filters + ", topics " + topics;
        }
    }

    private WildcardExamples() {
    }

    static Gen<Example> examples(boolean dollarTopics) {
        Gen<List<String>> filters = SourceDSL.lists().of(filter(dollarTopics)).ofSizeBetween(1, 3);
        Gen<List<String>> topics = SourceDSL.lists().of(topic(dollarTopics)).ofSizeBetween(1, 5);
        return filters.zip(topics, Example::new);
    }

    static Gen<String> topic(boolean dollarTopics) {
        Gen<String> first = dollarTopics ? Generate.pick(List.of(ROOT, DOLLAR_ROOT)) : Generate.constant(ROOT);
        return first.zip(SourceDSL.lists().of(Generate.pick(LEVELS)).ofSizeBetween(1, 3), WildcardExamples::join);
    }

    static Gen<String> filter(boolean dollarTopics) {
        List<String> firsts = new ArrayList<>(List.of(ROOT, PLUS_ROOT));
        if (dollarTopics) {
            firsts.add(DOLLAR_ROOT);
        }
        List<String> levels = new ArrayList<>(LEVELS);
        levels.add("+");
        levels.add("+");
        Gen<Boolean> hashAtEnd = SourceDSL.booleans().all();
        return Generate.pick(firsts).zip(SourceDSL.lists().of(Generate.pick(levels)).ofSizeBetween(0, 3), hashAtEnd,
                (f, rest, hash) -> {
                    List<String> all = new ArrayList<>(rest);
                    if (hash) {
                        all.add("#");
                    }
                    return join(f, all);
                });
    }

    private static String join(String first, List<String> rest) {
        StringBuilder b = new StringBuilder(first);
        for (String l : rest) {
            b.append('/').append(l);
        }
        return b.toString();
    }

    /**
     * Replaces the markers: {@code root} is {@code <first>/<unique>}; {@code +R} becomes {@code +/<unique>}, which
     * matches both {@code R} and {@code $R} topics by level (and must not match the latter: MQTT-4.7.2-1).
     */
    static String resolve(String relative, String root) {
        String unique = root.substring(root.indexOf('/') + 1);
        if (relative.startsWith(DOLLAR_ROOT)) {
            return "$" + root + relative.substring(DOLLAR_ROOT.length());
        }
        if (relative.startsWith(PLUS_ROOT)) {
            return "+/" + unique + relative.substring(PLUS_ROOT.length());
        }
        if (relative.startsWith(ROOT)) {
            return root + relative.substring(ROOT.length());
        }
        return relative;
    }
}
