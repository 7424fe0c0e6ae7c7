package dev.mqttkit.report.model;

/**
 * Conformance score of one protocol version: applicable MUST statements passed. WARN counts as passed (the MUST
 * held, only a SHOULD did not); NOT_APPLICABLE and untested statements are outside the denominator.
 */
public record Score(String version, int passed, int applicable, int untested) {

    public int failed() {
        return applicable - passed;
    }

    /** Percentage with one decimal, or "n/a" when nothing applicable was tested. */
    public String percentText() {
        if (applicable == 0) {
            return "n/a";
        }
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * passed / applicable);
    }
}
