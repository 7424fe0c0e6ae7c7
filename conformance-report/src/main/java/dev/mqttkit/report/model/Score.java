package dev.mqttkit.report.model;

import java.util.Locale;

/**
 * Conformance score of one protocol version: applicable MUST statements passed. WARN counts as passed (the MUST
 * held, only a SHOULD did not); NOT_APPLICABLE and untested statements are outside the denominator, and so are
 * INCONCLUSIVE ones: they were neither shown to hold nor to break, so they are counted apart.
 *
 * @param inconclusive MUST statements that could not be checked because the broker stopped answering
 * @param notSupported what the broker did when it refused this version, null when it speaks it
 */
public record Score(String version, int passed, int applicable, int untested, int inconclusive,
                    String notSupported) {

    public int failed() {
        return applicable - passed;
    }

    public boolean supported() {
        return notSupported == null;
    }

    /** Percentage with one decimal, "not supported", or "n/a" when nothing applicable was tested. */
    public String percentText() {
        if (!supported()) {
            return "not supported";
        }
        if (applicable == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * passed / applicable);
    }
}
