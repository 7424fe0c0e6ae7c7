package dev.mqttkit.codec;

/**
 * Bytes that break a rule of the protocol: the single error type of the codec's decoder, and what the encoder throws
 * when asked to send what the specification forbids. Carries the {@link Violation}; no stack trace is filled in,
 * since the cause is the peer's bytes, not the code path.
 */
public final class MalformedPacketException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Violation violation;

    public MalformedPacketException(Violation violation) {
        super(violation.message(), null, false, false);
        this.violation = violation;
    }

    public Violation violation() {
        return violation;
    }

    public Rule rule() {
        return violation.rule();
    }

    public String ruleId() {
        return violation.ruleId();
    }
}
