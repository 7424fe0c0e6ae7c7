package dev.mqttkit.report;

import dev.mqttkit.contract.Cascade;
import dev.mqttkit.contract.Catalogue;
import dev.mqttkit.contract.EntryKey;
import dev.mqttkit.contract.Expectation;
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
 * contract, derives their verdicts and attributes them to the target they published, together with what the run as
 * a whole says about the target (it stopped answering, it refused a protocol version, it could not be reached).
 */
final class RunAssembler {

    private static final int MAX_FAILURE_CHARS = 4000;

    private final Catalogue catalogue;
    private final String fallbackTargetName;
    private final String filter;

    /** @param filter the selection the run was limited to, or null for a full run */
    RunAssembler(Catalogue catalogue, String fallbackTargetName, String filter) {
        this.catalogue = catalogue;
        this.fallbackTargetName = fallbackTargetName;
        this.filter = filter;
    }

    /** What the nodes of one target say about the run beyond their tests' outcomes. */
    private static final class Evidence {
        final List<TestOutcome> tests = new ArrayList<>();
        String error;
        Cascade cascade;
        boolean verdictPublished;
    }

    List<TargetRun> assemble(RunRecorder.Snapshot run) {
        Map<String, TargetFacts> targets = new LinkedHashMap<>();
        for (RunRecorder.Recorded node : run.nodes()) {
            node.all(EntryKey.TARGET).forEach(json -> TargetFacts.parse(json)
                    .ifPresent(t -> targets.merge(t.name(), t, TargetFacts::mergedWith)));
        }
        String defaultTarget = targets.size() == 1 ? targets.keySet().iterator().next() : fallbackTargetName;
        Map<String, Evidence> byTarget = new LinkedHashMap<>();
        for (RunRecorder.Recorded node : run.nodes()) {
            String target = TargetFacts.parse(node.last(EntryKey.TARGET))
                    .map(TargetFacts::name).orElse(defaultTarget);
            String error = node.last(EntryKey.TARGET_ERROR);
            Optional<Cascade> cascade = Cascade.parse(node.last(EntryKey.CASCADE));
            boolean outcome = isOutcome(node);
            if (error == null && cascade.isEmpty() && !outcome) {
                continue;
            }
            Evidence e = byTarget.computeIfAbsent(target, t -> new Evidence());
            if (error != null) {
                e.error = e.error == null || e.error.equals(error) ? error : e.error + "\n" + error;
            }
            // The first test to notice is the culprit; a later notice of the same stop adds nothing.
            boolean first = e.cascade == null && cascade.isPresent();
            if (first) {
                e.cascade = cascade.get();
            }
            if (outcome) {
                TestOutcome t = outcome(node, run);
                e.tests.add(first ? t.asCulprit() : t);
                e.verdictPublished |= node.last(EntryKey.VERDICT) != null;
            }
        }
        List<TargetRun> result = new ArrayList<>();
        byTarget.forEach((name, evidence) -> result.add(targetRun(
                targets.getOrDefault(name, TargetFacts.named(name)), evidence, run)));
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
                // A published PASS cannot outvote a later failure, e.g. an unexpected packet found at the end; any
                // other published verdict is the suite's own reading of that failure (e.g. the test that noticed a
                // cascade is inconclusive, and its JUnit failure only makes the cascade impossible to overlook).
                case FAILED -> published.filter(v -> v != Verdict.PASS).orElse(Verdict.FAIL);
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
        return new TestOutcome(node.id().getUniqueId(), node.last(EntryKey.TEST_KEY), null, node.name(), version,
                statements, level, verdict, junitStatus, reason, node.last(EntryKey.OBSERVED), failure,
                node.last(EntryKey.SCENARIO), PropertyRun.parse(node.last(EntryKey.PROPERTY)),
                TranscriptEvent.parse(node.all(EntryKey.TRANSCRIPT)), millis,
                Expectation.parse(node.last(EntryKey.EXPECTED)).orElse(null), false);
    }

    /** Tests worst first; within a verdict new results before the expected ones, the reader's next question. */
    private static final Comparator<TestOutcome> PAGE_ORDER = Comparator.comparing(TestOutcome::verdict)
            .thenComparing(TestOutcome::expected).thenComparing(TestOutcome::name);

    private TargetRun targetRun(TargetFacts target, Evidence evidence, RunRecorder.Snapshot run) {
        List<TestOutcome> sorted = new ArrayList<>(evidence.tests);
        sorted.sort(PAGE_ORDER);
        List<TestOutcome> tests = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            TestOutcome t = sorted.get(i).withAnchor("t-" + (i + 1));
            boolean culprit = evidence.cascade != null && evidence.cascade.culprit().equals(t.testKey());
            tests.add(culprit && !t.culprit() ? t.asCulprit() : t);
        }
        Map<String, String> unsupported = unsupported(target, tests);
        StatementTable table = new StatementTable(catalogue, tests, unsupported, target.kind());
        return new TargetRun(TargetRun.SCHEMA, target, evidence.error, run.partial(), run.started(), run.end(),
                Duration.between(run.started(), run.end()).toMillis(), table.versions(), table.scores(),
                table.statements(), tests, evidence.cascade, unsupported, filter,
                evidence.error != null && !evidence.verdictPublished);
    }

    /**
     * The versions the target says it refused; also a version all of whose tests were NOT_SUPPORTED, with the first
     * test's reason, for a suite that did not describe its target.
     */
    private static Map<String, String> unsupported(TargetFacts target, List<TestOutcome> tests) {
        Map<String, String> versions = new LinkedHashMap<>(target.unsupported());
        Map<String, String> inferred = new LinkedHashMap<>();
        for (TestOutcome t : tests) {
            if (t.version() != null && t.verdict() == Verdict.NOT_SUPPORTED) {
                inferred.putIfAbsent(t.version(), t.reason() != null ? t.reason() : "refused by the broker");
            }
        }
        tests.stream().filter(t -> t.version() != null && t.verdict() != Verdict.NOT_SUPPORTED)
                .forEach(t -> inferred.remove(t.version()));
        inferred.forEach(versions::putIfAbsent);
        return versions;
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
