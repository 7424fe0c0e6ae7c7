package dev.mqttkit.conformance.clientside;

import dev.mqttkit.conformance.junit.Verdicts;
import dev.mqttkit.contract.Catalogue;
import dev.mqttkit.contract.EntryKey;
import dev.mqttkit.contract.Expectation;
import dev.mqttkit.contract.Statement;
import dev.mqttkit.contract.StatementIds;
import dev.mqttkit.contract.TranscriptEvent;
import dev.mqttkit.contract.Verdict;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Ends a client case: decides its verdict with the suite's one rule ({@link Verdicts#judgeFailure}, judged by the
 * level in the version under test of the statements the failing step broke), compares it with the expectations file
 * ({@link Verdicts#expectation}) and publishes the same report entries as a broker test, with the client target.
 * An exception that is no assertion is the suite's own error: the case is INCONCLUSIVE and the error is rethrown, so
 * the build shows it, instead of a FAIL pinned on the library.
 */
public final class ClientVerdicts {
    private ClientVerdicts() {
    }

    static void finish(ExtensionContext context, ClientHarness harness, String testKey, Throwable thrown,
                       List<String> declared) throws Throwable {
        harness.close();
        ClientRun run = harness.run();
        Catalogue catalogue = run.catalogue();
        String version = harness.version().label();
        List<String> statements = clientStatements(catalogue, version, declared);
        boolean suiteError = thrown != null && !(thrown instanceof AssertionError
                || thrown instanceof TestAbortedException || thrown instanceof SetupFailure);
        Verdict verdict;
        String reason;
        if (thrown == null) {
            verdict = harness.warning() == null ? Verdict.PASS : Verdict.WARN;
            reason = harness.warning();
        } else if (thrown instanceof TestAbortedException) {
            verdict = Verdict.NOT_APPLICABLE;
            reason = thrown.getMessage();
        } else if (thrown instanceof SetupFailure) {
            verdict = Verdict.INCONCLUSIVE;
            reason = "not checked: " + thrown.getMessage();
        } else if (suiteError) {
            verdict = Verdict.INCONCLUSIVE;
            reason = "not checked: the suite failed (" + thrown + ")";
        } else {
            List<String> binding = thrown instanceof ClientViolation v ? v.statements() : harness.checkingStatements();
            Verdicts.Decision d = Verdicts.judgeFailure(catalogue, version, statements, thrown, binding, "client");
            verdict = d.verdict();
            reason = d.reason();
            if (verdict != Verdict.INCONCLUSIVE) {
                harness.transcript().markLastFailed();
            }
        }
        publish(context, EntryKey.TEST_KEY, testKey);
        publish(context, EntryKey.TARGET, run.targetFacts().toJson());
        publish(context, EntryKey.STATEMENTS, StatementIds.format(statements));
        publish(context, EntryKey.VERSION, version);
        publish(context, EntryKey.LEVEL, catalogue.strongestLevel(statements).name());
        publish(context, EntryKey.VERDICT, verdict.name());
        publish(context, EntryKey.REASON, reason);
        publish(context, EntryKey.OBSERVED, harness.observedText());
        Expectation expectation = Verdicts.expectation(run.expectations(), testKey, statements, version, verdict);
        publish(context, EntryKey.EXPECTED, expectation == null ? null : expectation.toJson());
        publish(context, EntryKey.TRANSCRIPT, TranscriptEvent.toJson(harness.transcript().events()));
        if (expectation != null && expectation.status() == Expectation.Status.EXPECTED) {
            if (verdict == Verdict.FAIL) {
                return;
            }
        } else if (expectation != null && run.config().strictExpectations()) {
            throw new AssertionError("fixed: " + testKey + " passes, but the expectations file lists "
                    + expectation.expected() + " (" + expectation.reason() + "): remove it");
        }
        if (suiteError) {
            throw thrown;
        }
        switch (verdict) {
            case FAIL -> throw new AssertionError(reason + "\n" + harness.transcript().render(), thrown);
            case PASS, WARN -> { }
            default -> throw thrown instanceof TestAbortedException a ? a : new TestAbortedException(reason, thrown);
        }
    }

    /**
     * The statements a case checks in {@code version} that bind the client: where a 3.1 difference replaces a 3.1.1
     * statement with a rule for the server alone (3.1 names no reaction to a malformed packet, say), the client has
     * nothing to meet in that version. Ids the catalogue does not know (section references) are kept.
     */
    public static List<String> clientStatements(Catalogue catalogue, String version, List<String> declared) {
        return catalogue.applicable(version, declared).stream()
                .filter(id -> catalogue.find(id).map(Statement::bindsClient).orElse(true)).toList();
    }

    private static void publish(ExtensionContext context, EntryKey key, String value) {
        if (value != null && !value.isEmpty()) {
            context.publishReportEntry(key.key(), value);
        }
    }
}
