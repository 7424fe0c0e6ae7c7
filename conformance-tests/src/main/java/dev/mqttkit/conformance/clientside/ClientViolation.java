package dev.mqttkit.conformance.clientside;

import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * The client broke a rule the failing step can name: the rule ids of a malformed packet it sent, or the statements
 * the step was checking. A test that does not check any of them reports the failure as INCONCLUSIVE (the client broke
 * something else on the way), not as a failure of its own statements.
 */
public final class ClientViolation extends AssertionFailedError {
    private static final long serialVersionUID = 1L;
    private final transient List<String> statements;

    public ClientViolation(List<String> statements, String message) {
        super(message);
        this.statements = List.copyOf(statements);
    }

    /** The statements (or codec rule ids) broken. */
    public List<String> statements() {
        return statements;
    }
}
