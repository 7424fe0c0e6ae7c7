package dev.mqttkit.report.model;

import dev.mqttkit.contract.Cascade;
import dev.mqttkit.contract.TargetFacts;
import dev.mqttkit.contract.Verdict;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run of the suite against one target: what {@code results.json} holds and what both pages are rendered from.
 *
 * @param schema      {@link #SCHEMA} when written; files of older kits carry a lower one and lack later fields
 * @param error       why the broker could not be reached ({@code mqttkit.target.error}), else null
 * @param partial     the run had not finished when this was written
 * @param versions    protocol versions tested, e.g. {@code [3.1.1, 3.1]}
 * @param cascade     the broker stopped answering during the run, and after which test; null when it did not
 * @param unsupported protocol versions the broker refused when the run began, each with what it did
 * @param filter      the selection a filtered run was limited to (e.g. {@code MQTT-3.3*}); null for a full run
 * @param unreachable no test reached the broker: the run says why ({@code error}) and nothing about conformance
 */
public record TargetRun(int schema, TargetFacts target, String error, boolean partial, Instant started,
                        Instant written, long durationMillis, List<String> versions, List<Score> scores,
                        List<StatementResult> statements, List<TestOutcome> tests, Cascade cascade,
                        Map<String, String> unsupported, String filter, boolean unreachable) {

    /** 2: test keys, expectations, cascade, unsupported versions, filter, unreachable. */
    public static final int SCHEMA = 2;

    public TargetRun {
        versions = versions == null ? List.of() : List.copyOf(versions);
        scores = scores == null ? List.of() : List.copyOf(scores);
        statements = statements == null ? List.of() : List.copyOf(statements);
        tests = tests == null ? List.of() : List.copyOf(tests);
        unsupported = unsupported == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(unsupported));
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

    /** Tests that broke a MUST, whether or not the user's expectations file lists them. */
    public long mustFailures() {
        return tests.stream().filter(TestOutcome::countsAsMustFailure).count();
    }

    /** Tests that broke a MUST and are not listed in the user's expectations file: what should fail a build. */
    public long newMustFailures() {
        return tests.stream().filter(TestOutcome::countsAsNewMustFailure).count();
    }

    /** FAIL and WARN results the expectations file lists as known deviations. */
    public long expectedFindings() {
        return tests.stream().filter(t -> t.finding() && t.expected()).count();
    }

    /** Tests whose listed deviation went away: lines to remove from the expectations file. */
    public List<TestOutcome> fixedExpectations() {
        return tests.stream().filter(TestOutcome::fixed).toList();
    }

    /** Whether any test's result was compared with an expectations file entry. */
    public boolean hasExpectations() {
        return tests.stream().anyMatch(t -> t.expectation() != null);
    }

    public long inconclusiveTests() {
        return tests.stream().filter(t -> t.verdict() == Verdict.INCONCLUSIVE).count();
    }

    /** Only some tests ran (a {@code --only} selection): the run gives no overall score. */
    public boolean filtered() {
        return filter != null;
    }

    /** The test after which the broker stopped answering, when the page has it. */
    public TestOutcome culpritTest() {
        return tests.stream().filter(TestOutcome::culprit).findFirst().orElse(null);
    }
}
