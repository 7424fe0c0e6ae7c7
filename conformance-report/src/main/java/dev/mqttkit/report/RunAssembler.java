package dev.mqttkit.report;

import dev.mqttkit.contract.Catalogue;
import dev.mqttkit.contract.EntryKey;
import dev.mqttkit.contract.PropertyRun;
import dev.mqttkit.contract.StatementIds;
import dev.mqttkit.contract.TranscriptEvent;
import dev.mqttkit.contract.Statement;
import dev.mqttkit.contract.Level;
import dev.mqttkit.contract.TargetFacts;
import dev.mqttkit.report.model.TargetRun;
import dev.mqttkit.report.model.TestOutcome;
import dev.mqttkit.contract.Verdict;
import org.junit.platform.engine.TestExecutionResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what JUnit reported into one {@link TargetRun} per target: picks the tests that belong to the conformance
 * contract, derives their verdicts and attributes them to the target they published.
 */
final class RunAssembler {

    private static final int MAX_FAILURE_CHARS = 4000;

    private final Catalogue catalogue;
    private final String fallbackTargetName;

    RunAssembler(Catalogue catalogue, String fallbackTargetName) {
        this.catalogue = catalogue;
        this.fallbackTargetName = fallbackTargetName;
    }

    List<TargetRun> assemble(RunRecorder.Snapshot run) {
        Map<String, TargetFacts> targets = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (RunRecorder.Recorded node : run.nodes()) {
            node.all(EntryKey.TARGET).forEach(json -> TargetFacts.parse(json)
                    .ifPresent(t -> targets.merge(t.name(), t, TargetFacts::mergedWith)));
        }
        String defaultTarget = targets.size() == 1 ? targets.keySet().iterator().next() : fallbackTargetName;
        Map<String, List<TestOutcome>> byTarget = new LinkedHashMap<>();
        for (RunRecorder.Recorded node : run.nodes()) {
            String target = TargetFacts.parse(node.last(EntryKey.TARGET))
                    .map(TargetFacts::name).orElse(defaultTarget);
            String error = node.last(EntryKey.TARGET_ERROR);
            if (error != null) {
                errors.merge(target, error, (a, b) -> a.equals(b) ? a : a + "\n" + b);
            }
            if (isOutcome(node)) {
                byTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(outcome(node, run));
            }
        }
        errors.keySet().forEach(t -> byTarget.computeIfAbsent(t, k -> new ArrayList<>()));
        List<TargetRun> result = new ArrayList<>();
        byTarget.forEach((name, tests) -> result.add(targetRun(
                targets.getOrDefault(name, TargetFacts.named(name)), errors.get(name), run, tests)));
        return result;
    }

    /**
     * Tests that took part in the contract; containers only when they failed, since then their tests never ran and
     * the failure is all a reader gets to see.
     */
    private static boolean isOutcome(RunRecorder.Recorded node) {
        if (!node.hasContractEntries()) {
            return false;
        }
        if (node.id().isTest()) {
            return true;
        }
        return node.result().map(r -> r.getStatus() == TestExecutionResult.Status.FAILED).orElse(false);
    }

    private TestOutcome outcome(RunRecorder.Recorded node, RunRecorder.Snapshot run) {
        List<String> statementValues = node.all(EntryKey.STATEMENTS);
        if (statementValues.isEmpty() && node.last(EntryKey.STATEMENTS) != null) {
            statementValues = List.of(node.last(EntryKey.STATEMENTS));
        }
        List<String> statements = StatementIds.parse(statementValues);
        String version = node.last(EntryKey.VERSION);
        if (version != null) {
            version = version.trim();
        }
        Level level = Level.parse(node.last(EntryKey.LEVEL));
        if (level == null) {
            for (String id : statements) {
                level = Level.strongest(level, catalogue.find(id).map(Statement::level).orElse(null));
            }
        }
        String junitStatus;
        Verdict verdict;
        String reason = node.last(EntryKey.REASON);
        String failure = null;
        Optional<Verdict> published = Verdict.parse(node.last(EntryKey.VERDICT));
        if (node.result().isPresent()) {
            TestExecutionResult r = node.result().get();
            junitStatus = r.getStatus().name();
            failure = r.getThrowable().map(RunAssembler::describe).orElse(null);
            verdict = switch (r.getStatus()) {
                // A published PASS cannot outvote a later failure, e.g. an unexpected packet found at the end.
                case FAILED -> Verdict.FAIL;
                case ABORTED -> published.orElse(Verdict.NOT_APPLICABLE);
                case SUCCESSFUL -> published.orElse(Verdict.PASS);
            };
        } else if (node.skipReason().isPresent()) {
            junitStatus = "SKIPPED";
            verdict = Verdict.NOT_APPLICABLE;
            reason = reason != null ? reason : node.skipReason().get();
        } else {
            junitStatus = "INTERRUPTED";
            verdict = published.orElse(Verdict.NOT_APPLICABLE);
            reason = reason != null ? reason : "The run ended before this test finished.";
        }
        if (reason == null && failure != null && verdict != Verdict.PASS) {
            reason = node.result().flatMap(TestExecutionResult::getThrowable)
                    .map(Throwable::getMessage).orElse(null);
        }
        long millis = 0;
        if (node.start() != null) {
            millis = Duration.between(node.start(), node.end() != null ? node.end() : run.end()).toMillis();
        }
        return new TestOutcome(node.id().getUniqueId(), null, node.name(), version, statements, level, verdict,
                junitStatus, reason, node.last(EntryKey.OBSERVED), failure,
                node.last(EntryKey.SCENARIO), PropertyRun.parse(node.last(EntryKey.PROPERTY)),
                TranscriptEvent.parse(node.all(EntryKey.TRANSCRIPT)), millis);
    }

    private TargetRun targetRun(TargetFacts target, String error, RunRecorder.Snapshot run, List<TestOutcome> raw) {
        List<TestOutcome> sorted = new ArrayList<>(raw);
        sorted.sort(Comparator.comparing(TestOutcome::verdict).thenComparing(TestOutcome::name));
        List<TestOutcome> tests = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            TestOutcome t = sorted.get(i);
            tests.add(new TestOutcome(t.id(), "t-" + (i + 1), t.name(), t.version(), t.statements(), t.level(),
                    t.verdict(), t.junitStatus(), t.reason(), t.observed(), t.failure(), t.scenario(),
                    t.property(), t.transcript(), t.durationMillis()));
        }
        StatementTable table = new StatementTable(catalogue, tests);
        return new TargetRun(TargetRun.SCHEMA, target, error, run.partial(), run.started(), run.end(),
                Duration.between(run.started(), run.end()).toMillis(), table.versions(), table.scores(),
                table.statements(), tests);
    }

    private static String describe(Throwable t) {
        StringBuilder text = new StringBuilder(String.valueOf(t));
        Throwable cause = t.getCause();
        for (int depth = 0; cause != null && cause != t && depth < 5; depth++, cause = cause.getCause()) {
            text.append("\nCaused by: ").append(cause);
        }
        return text.length() > MAX_FAILURE_CHARS ? text.substring(0, MAX_FAILURE_CHARS) + " \u2026" : text.toString();
    }
}
