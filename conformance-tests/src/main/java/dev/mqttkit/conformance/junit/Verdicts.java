package dev.mqttkit.conformance.junit;

import dev.mqttkit.conformance.catalogue.Statement;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Ends a test: checks that nothing unexpected is left, closes its clients and publishes the report entries of the
 * contract with the report module ({@code mqttkit.*}). Shared by template tests and scenario dynamic tests.
 */
final class Verdicts {
    private Verdicts() {
    }

    /**
     * @param thrown what the test body threw, or null
     * @return the failure to rethrow when the test body passed but the end checks did not, else null
     */
    static AssertionError finish(ExtensionContext context, Harness harness, Throwable thrown, List<String> statements,
                            Level declaredLevel) {
        Throwable failure = thrown;
        if (failure == null) {
            try {
                harness.verifyNothingUnexpected();
            } catch (AssertionError e) {
                failure = e;
            }
        }
        harness.close();
        String verdict;
        String reason = null;
        if (failure == null) {
            verdict = harness.warning() == null ? "PASS" : "WARN";
            reason = harness.warning();
        } else if (failure instanceof TestAbortedException) {
            verdict = "NOT_APPLICABLE";
            reason = failure.getMessage();
        } else {
            verdict = "FAIL";
            reason = String.valueOf(failure.getMessage()).lines().findFirst().orElse("");
            harness.transcript().markLastFailed();
        }
        publishTarget(context, harness.run());
        context.publishReportEntry("mqttkit.statements", String.join(" ", statements));
        context.publishReportEntry("mqttkit.version", harness.version().label());
        context.publishReportEntry("mqttkit.level", level(harness.run(), statements, declaredLevel).name());
        context.publishReportEntry("mqttkit.verdict", verdict);
        publishIfPresent(context, "mqttkit.reason", reason);
        publishIfPresent(context, "mqttkit.observed", harness.observedText());
        publishIfPresent(context, "mqttkit.scenario", harness.scenarioText());
        publishIfPresent(context, "mqttkit.property", harness.propertyJson());
        context.publishReportEntry("mqttkit.transcript", harness.transcript().toJson());
        if (thrown == null && failure != null) {
            return new AssertionError(failure.getMessage() + "\n" + harness.transcript().render(), failure);
        }
        return null;
    }

    static void publishTarget(ExtensionContext context, RunContext run) {
        String error = run.targetError();
        try {
            context.publishReportEntry("mqttkit.target", run.targetJson());
        } catch (RuntimeException e) {
            error = error != null ? error : String.valueOf(e.getMessage());
        }
        if (error != null) {
            context.publishReportEntry("mqttkit.target.error", error);
        }
    }

    /** The level declared, or the strongest the catalogue gives the statements. */
    static Level level(RunContext run, List<String> statements, Level declared) {
        if (declared != Level.FROM_CATALOGUE) {
            return declared;
        }
        Level strongest = Level.MAY;
        for (String id : statements) {
            Level l = run.catalogue().find(id).map(Statement::level).map(Level::ofKeyword).orElse(Level.MUST);
            strongest = Level.strongest(strongest, l);
        }
        return strongest;
    }

    private static void publishIfPresent(ExtensionContext context, String key, String value) {
        if (value != null && !value.isEmpty()) {
            context.publishReportEntry(key, value);
        }
    }
}
