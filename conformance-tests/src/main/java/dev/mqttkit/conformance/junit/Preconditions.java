package dev.mqttkit.conformance.junit;

import dev.mqttkit.contract.Verdict;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Whether a test can check anything at all before it starts, and whether it needs a liveness check after it. */
final class Preconditions {
    private Preconditions() {
    }

    /**
     * Why the test cannot check its statements whatever it does: the broker refused its protocol version when the
     * run began, or it has stopped answering. Null when the test can run.
     */
    static NotChecked notCheckable(Harness harness) {
        RunContext run = harness.run();
        var unsupported = run.unsupported(harness.version());
        if (unsupported.isPresent()) {
            return new NotChecked(Verdict.NOT_SUPPORTED, "the broker does not support MQTT "
                    + harness.version().label() + ": it " + unsupported.get() + " when the run began");
        }
        if (run.health().stopped()) {
            return new NotChecked(Verdict.INCONCLUSIVE,
                    Verdicts.stoppedAnswering(run.health().cascade().orElseThrow()));
        }
        return null;
    }

    /** Whether the test belongs to a {@link DisruptiveConformanceTest} class. */
    static boolean disruptive(ExtensionContext context) {
        return context.getTestClass()
                .map(c -> AnnotationSupport.isAnnotated(c, DisruptiveConformanceTest.class)).orElse(false);
    }
}
