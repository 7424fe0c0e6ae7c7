package dev.mqttkit.conformance.junit;

import dev.mqttkit.conformance.client.FlowViolation;
import dev.mqttkit.conformance.client.NoAnswer;
import dev.mqttkit.contract.Cascade;
import dev.mqttkit.contract.Catalogue;
import dev.mqttkit.conformance.expect.Expectations;
import dev.mqttkit.contract.EntryKey;
import dev.mqttkit.contract.Expectation;
import dev.mqttkit.contract.Level;
import dev.mqttkit.contract.Statement;
import dev.mqttkit.contract.StatementIds;
import dev.mqttkit.contract.TranscriptEvent;
import dev.mqttkit.contract.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Ends a test and decides its verdict, the one place that does. A failure is a FAIL only when what it breaks is a
 * MUST of the protocol version under test; where that version says SHOULD or MAY it is a WARN. A failure without an
 * answer from the broker is checked against the broker's liveness first: if the broker stopped answering, what the
 * test could not check is INCONCLUSIVE, and the first test to notice is named as the culprit, once. The verdict and
 * its evidence are published as the report entries of the contract.
 */
public final class Verdicts {
    private Verdicts() {
    }

    /** A verdict and the one line that says why. */
    public record Decision(Verdict verdict, String reason) {
    }

    /**
     * Decides a failed check, the one rule for both sides: FAIL or WARN by the strongest level, in {@code version},
     * of the statements the failure breaks; INCONCLUSIVE when it broke only statements the test does not check.
     *
     * @param statements the statements the test checks in {@code version} ({@link Catalogue#applicable})
     * @param binding    the statements the failing step was bound by; empty: all of {@code statements}
     * @param peer       who broke them, for the reason: {@code broker} or {@code client}
     */
    public static Decision judgeFailure(Catalogue catalogue, String version, List<String> statements,
                                        Throwable failure, List<String> binding, String peer) {
        List<String> broken = binding.isEmpty() ? statements
                : catalogue.applicable(version, binding).stream().filter(statements::contains).toList();
        if (broken.isEmpty()) {
            return new Decision(Verdict.INCONCLUSIVE, "not checked: on the way the " + peer + " broke "
                    + String.join(", ", binding) + ", which this test does not check: " + firstLine(failure));
        }
        Level level = catalogue.strongestLevel(broken);
        return new Decision(level == Level.MUST ? Verdict.FAIL : Verdict.WARN,
                firstLine(failure) + breaks(catalogue, broken, level));
    }

    /**
     * What JUnit should make of the test: {@code failure} to rethrow (FAIL only), {@code abort} to end it as aborted
     * (not applicable, not supported, inconclusive), or neither (PASS, WARN).
     */
    record Outcome(Verdict verdict, Throwable failure, TestAbortedException abort) {
        void apply() throws Throwable {
            if (failure != null) {
                throw failure;
            }
            if (abort != null) {
                throw abort;
            }
        }
    }

    /**
     * @param testKey  the test's stable key, e.g. {@code ConnectTests#closesConnectionOnSecondConnect [3.1.1]}
     * @param thrown   what the test body threw, or null
     * @param declared the statements the test declares; those applicable to its version are reported
     * @param disruptive whether the test sends input known to upset brokers: its end is followed by a liveness check
     */
    static Outcome finish(ExtensionContext context, Harness harness, String testKey, Throwable thrown,
                          List<String> declared, boolean disruptive) {
        RunContext run = harness.run();
        Throwable failure = thrown != null ? thrown : harness.setupFailure();
        if (failure == null) {
            try {
                harness.verifyNothingUnexpected();
            } catch (AssertionError e) {
                failure = e;
            }
        }
        harness.close();
        Catalogue catalogue = run.catalogue();
        String version = harness.version().label();
        List<String> statements = catalogue.applicable(version, declared);
        Optional<Cascade> cascade = Optional.empty();
        boolean notChecked = failure instanceof TestAbortedException;
        if (!notChecked && (disruptive || answerMissing(failure))) {
            cascade = run.health().checkAfter(testKey, harness.clientContext(), harness.version(),
                    harness.clientIds(), harness::clientId);
        }
        Verdict verdict;
        String reason;
        if (failure == null) {
            verdict = harness.warning() == null ? Verdict.PASS : Verdict.WARN;
            reason = harness.warning();
        } else if (failure instanceof NotChecked n) {
            verdict = n.verdict();
            reason = n.getMessage();
        } else if (notChecked) {
            verdict = Verdict.NOT_APPLICABLE;
            reason = failure.getMessage();
        } else if (cascade.isPresent() && !cascade.get().culprit().equals(testKey)) {
            verdict = Verdict.INCONCLUSIVE;
            reason = stoppedAnswering(cascade.get());
        } else if (thrown == null && harness.setupFailure() != null) {
            verdict = Verdict.INCONCLUSIVE;
            reason = "not checked: a client of the test could not connect: " + firstLine(failure);
        } else {
            Decision d = judgeFailure(catalogue, version, statements, failure, bindingStatements(failure, harness),
                    "broker");
            verdict = d.verdict();
            reason = d.reason();
            if (verdict != Verdict.INCONCLUSIVE) {
                harness.transcript().markLastFailed();
            }
        }
        publish(context, EntryKey.TEST_KEY, testKey);
        publishTarget(context, run);
        publish(context, EntryKey.STATEMENTS, StatementIds.format(statements));
        publish(context, EntryKey.VERSION, version);
        publish(context, EntryKey.LEVEL, catalogue.strongestLevel(statements).name());
        publish(context, EntryKey.VERDICT, verdict.name());
        publish(context, EntryKey.REASON, reason);
        publish(context, EntryKey.OBSERVED, harness.observedText());
        publish(context, EntryKey.SCENARIO, harness.scenarioText());
        publish(context, EntryKey.PROPERTY, harness.propertyJson());
        boolean culprit = cascade.filter(c -> c.culprit().equals(testKey)).isPresent();
        cascade.filter(c -> culprit).ifPresent(c -> publish(context, EntryKey.CASCADE, c.toJson()));
        Expectation expectation = expectation(run, testKey, statements, version, verdict);
        publish(context, EntryKey.EXPECTED, expectation == null ? null : expectation.toJson());
        publish(context, EntryKey.TRANSCRIPT, TranscriptEvent.toJson(harness.transcript().events()));
        Outcome outcome = outcome(verdict, reason, failure, thrown, harness);
        if (expectation != null && expectation.status() == Expectation.Status.EXPECTED) {
            return new Outcome(verdict, null, outcome.abort());
        }
        if (expectation != null && run.config().strictExpectations()) {
            return new Outcome(verdict, new AssertionError("fixed: " + testKey + " passes, but the expectations"
                    + " file lists " + expectation.expected() + " (" + expectation.reason() + "): remove it"), null);
        }
        if (culprit && outcome.failure() == null && run.expectations().cascade(testKey).isEmpty()) {
            return new Outcome(verdict, new AssertionError("the broker stopped answering after this test: "
                    + cascade.get().evidence()), null);
        }
        return outcome;
    }

    /**
     * What the user's expectations file says about this result: expected (the file lists it, or the cascade it
     * follows from), fixed (the file lists a deviation of this test, and it passed), or nothing.
     */
    private static Expectation expectation(RunContext run, String testKey, List<String> statements, String version,
                                           Verdict verdict) {
        Expectations file = run.expectations();
        if (verdict == Verdict.INCONCLUSIVE) {
            Optional<Expectations.Entry> expectedCascade = run.health().cascade()
                    .flatMap(c -> file.cascade(c.culprit()));
            if (expectedCascade.isPresent()) {
                return new Expectation(Expectation.Status.EXPECTED, verdict, expectedCascade.get().reason());
            }
        }
        return expectation(file, testKey, statements, version, verdict);
    }

    /**
     * What an expectations file says about a test's result: EXPECTED when it lists this verdict, FIXED when it lists
     * a deviation and the test passed, else null.
     */
    public static Expectation expectation(Expectations file, String testKey, List<String> statements,
                                          String version, Verdict verdict) {
        Optional<Expectations.Entry> entry = file.find(testKey, statements, version, verdict);
        if (entry.isEmpty()) {
            return null;
        }
        Expectations.Entry e = entry.get();
        if (e.verdict() == verdict) {
            return new Expectation(Expectation.Status.EXPECTED, verdict, e.reason());
        }
        return verdict == Verdict.PASS ? new Expectation(Expectation.Status.FIXED, e.verdict(), e.reason()) : null;
    }

    private static Outcome outcome(Verdict verdict, String reason, Throwable failure, Throwable thrown,
                                   Harness harness) {
        return switch (verdict) {
            case FAIL -> new Outcome(verdict, thrown == failure && thrown != null ? thrown
                    : new AssertionError(String.valueOf(failure.getMessage()) + "\n" + harness.transcript().render(),
                    failure), null);
            case PASS, WARN -> new Outcome(verdict, null, null);
            default -> new Outcome(verdict, null, failure instanceof TestAbortedException a ? a
                    : new TestAbortedException(reason, failure));
        };
    }

    /** Ends a test that could not start because the broker stopped answering earlier in the run. */
    static String stoppedAnswering(Cascade c) {
        return "not checked: the broker stopped answering after " + c.culprit() + " (" + c.evidence() + ")";
    }

    static void publishTarget(ExtensionContext context, RunContext run) {
        String error = run.targetError();
        try {
            publish(context, EntryKey.TARGET, run.targetFacts().toJson());
        } catch (RuntimeException e) {
            error = error != null ? error : String.valueOf(e.getMessage());
        }
        publish(context, EntryKey.TARGET_ERROR, error);
    }

    /** Publishes a non-empty value; an absent one is simply not published. */
    static void publish(ExtensionContext context, EntryKey key, String value) {
        if (value != null && !value.isEmpty()) {
            context.publishReportEntry(key.key(), value);
        }
    }

    /**
     * The statements the failing step was bound by: those of the exchange it happened in ({@link FlowViolation}),
     * else the ones the test named for the step ({@link Harness#checking}); empty when neither says.
     */
    private static List<String> bindingStatements(Throwable failure, Harness harness) {
        FlowViolation flow = cause(failure, FlowViolation.class);
        return flow != null ? flow.statements() : harness.checkingStatements();
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean answerMissing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NoAnswer || t instanceof java.io.UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && !(t instanceof AssertionError)) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage()).lines().findFirst().orElse("");
    }

    /**
     * Names the statements of the failure's level with their paraphrase: " — breaks MUST MQTT-3.12.4-1 (...)", or,
     * where the version under test only permits what the test looked for, " — MQTT 3.1 leaves this open (MAY) ...".
     */
    private static String breaks(Catalogue catalogue, List<String> broken, Level level) {
        String named = broken.stream()
                .filter(id -> catalogue.find(id).map(Statement::level).orElse(Level.MUST) == level)
                .map(id -> id + catalogue.find(id).map(s -> " (" + s.paraphrase() + ")").orElse(""))
                .collect(Collectors.joining("; "));
        if (named.isEmpty()) {
            return "";
        }
        return level == Level.MAY ? " \u2014 the version under test leaves this open (MAY): " + named
                : " \u2014 breaks " + level + " " + named;
    }
}
