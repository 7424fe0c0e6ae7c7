package dev.mqttkit.conformance.junit;

import dev.mqttkit.contract.EntryKey;
import dev.mqttkit.contract.Level;
import dev.mqttkit.contract.Statement;
import dev.mqttkit.contract.StatementIds;
import dev.mqttkit.contract.TranscriptEvent;
import dev.mqttkit.contract.Verdict;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Ends a test: checks that nothing unexpected is left, closes its clients and publishes the report entries of the
 * contract with the report module. Shared by template tests and scenario dynamic tests.
 */
final class Verdicts {
    private Verdicts() {
    }

    /**
     * @param thrown what the test body threw, or null
     * @return the failure to rethrow when the test body passed but the end checks did not, else null
     */
    static AssertionError finish(ExtensionContext context, Harness harness, Throwable thrown,
                                 List<String> statements) {
        Throwable failure = thrown;
        if (failure == null) {
            try {
                harness.verifyNothingUnexpected();
            } catch (AssertionError e) {
                failure = e;
            }
        }
        harness.close();
        Verdict verdict;
        String reason;
        if (failure == null) {
            verdict = harness.warning() == null ? Verdict.PASS : Verdict.WARN;
            reason = harness.warning();
        } else if (failure instanceof TestAbortedException) {
            verdict = Verdict.NOT_APPLICABLE;
            reason = failure.getMessage();
        } else {
            verdict = Verdict.FAIL;
            reason = String.valueOf(failure.getMessage()).lines().findFirst().orElse("");
            harness.transcript().markLastFailed();
        }
        publishTarget(context, harness.run());
        publish(context, EntryKey.STATEMENTS, StatementIds.format(statements));
        publish(context, EntryKey.VERSION, harness.version().label());
        publish(context, EntryKey.LEVEL, level(harness.run(), statements).name());
        publish(context, EntryKey.VERDICT, verdict.name());
        publish(context, EntryKey.REASON, reason);
        publish(context, EntryKey.OBSERVED, harness.observedText());
        publish(context, EntryKey.SCENARIO, harness.scenarioText());
        publish(context, EntryKey.PROPERTY, harness.propertyJson());
        publish(context, EntryKey.TRANSCRIPT, TranscriptEvent.toJson(harness.transcript().events()));
        if (thrown == null && failure != null) {
            return new AssertionError(failure.getMessage() + "\n" + harness.transcript().render(), failure);
        }
        return null;
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

    /** The strongest level the catalogue gives the statements; an id it does not know counts as MUST. */
    static Level level(RunContext run, List<String> statements) {
        Level strongest = Level.MAY;
        for (String id : statements) {
            Level l = run.catalogue().find(id).map(Statement::level).orElse(Level.MUST);
            strongest = Level.strongest(strongest, l);
        }
        return strongest;
    }

    /** Publishes a non-empty value; an absent one is simply not published. */
    static void publish(ExtensionContext context, EntryKey key, String value) {
        if (value != null && !value.isEmpty()) {
            context.publishReportEntry(key.key(), value);
        }
    }
}
