package dev.mqttkit.conformance.catalogue;

/**
 * One normative statement of the catalogue in {@code fixtures/spec} (see its README for the fields).
 *
 * @param binds               {@code server}, {@code client} or {@code both}
 * @param notObservableReason why a test client cannot see it, or null when it can
 */
public record Statement(String id, String section, String level, String binds, String paraphrase,
                        boolean observable, String notObservableReason) {

    /** Whether the obligation falls (also) on the broker. */
    public boolean bindsServer() {
        return !"client".equals(binds);
    }
}
