package dev.mqttkit.report.model;

import dev.mqttkit.contract.TargetFacts;
import dev.mqttkit.contract.Verdict;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A run of the suite against one target: what {@code results.json} holds and what both pages are rendered from.
 *
 * @param error    why the broker could not be reached ({@code mqttkit.target.error}), else null
 * @param partial  the run had not finished when this was written
 * @param versions protocol versions tested, e.g. {@code [3.1.1, 3.1]}
 */
public record TargetRun(int schema, TargetFacts target, String error, boolean partial, Instant started,
                        Instant written, long durationMillis, List<String> versions, List<Score> scores,
                        List<StatementResult> statements, List<TestOutcome> tests) {

    public static final int SCHEMA = 1;

    public TargetRun {
        versions = versions == null ? List.of() : List.copyOf(versions);
        scores = scores == null ? List.of() : List.copyOf(scores);
        statements = statements == null ? List.of() : List.copyOf(statements);
        tests = tests == null ? List.of() : List.copyOf(tests);
    }

    public Map<Verdict, Integer> testCounts() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            if (v != Verdict.UNTESTED) {
                counts.put(v, 0);
            }
        }
        tests.forEach(t -> counts.merge(t.verdict(), 1, Integer::sum));
        return counts;
    }

    public long mustFailures() {
        return tests.stream().filter(TestOutcome::countsAsMustFailure).count();
    }
}
