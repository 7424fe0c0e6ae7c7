package dev.mqttkit.conformance.junit;

import dev.mqttkit.contract.Verdict;
import org.opentest4j.TestAbortedException;

/**
 * A test ended before it could check anything, for a reason that is no finding about its statements: the broker does
 * not speak the test's protocol version, or it has stopped answering.
 */
final class NotChecked extends TestAbortedException {
    private static final long serialVersionUID = 1L;
    private final transient Verdict verdict;

    NotChecked(Verdict verdict, String reason) {
        super(reason);
        this.verdict = verdict;
    }

    Verdict verdict() {
        return verdict;
    }
}
