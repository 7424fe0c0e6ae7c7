package dev.mqttkit.conformance.client;

import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * A usual exchange ({@link Flows}, or the default CONNECT) went wrong on the way to what a test checks: the broker
 * did not answer a SUBSCRIBE with its SUBACK, a QoS 2 PUBLISH with PUBREC, and so on. It names the statements that
 * exchange is bound by, so a test that checks something else does not fail its own statements for it: only a test
 * that declares one of these reports it as a failure.
 */
public final class FlowViolation extends AssertionFailedError {
    private static final long serialVersionUID = 1L;
    private final transient List<String> statements;

    FlowViolation(List<String> statements, AssertionFailedError cause) {
        super(cause.getMessage(), cause);
        this.statements = List.copyOf(statements);
    }

    /** The statements the exchange is bound by, e.g. MQTT-3.8.4-1 for a missing SUBACK. */
    public List<String> statements() {
        return statements;
    }

    /** Runs {@code exchange}; a failure in it becomes a violation of {@code statements}, the innermost one kept. */
    static <T> T during(List<String> statements, java.util.function.Supplier<T> exchange) {
        try {
            return exchange.get();
        } catch (FlowViolation inner) {
            throw inner;
        } catch (AssertionFailedError e) {
            throw new FlowViolation(statements, e);
        }
    }
}
