package dev.mqttkit.contract;

import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of a test or of a statement. Declared worst first, so the declaration order is the order a reader
 * wants to see them in and {@link #worst} is a comparison of ordinals.
 */
public enum Verdict {
    /** A MUST of the protocol version under test is broken. */
    FAIL("Fail"),
    /** The test could not check its statements: the broker stopped answering, through no fault of this test. */
    INCONCLUSIVE("Inconclusive"),
    /** A SHOULD is not met, or the broker chose something the specification only allows. */
    WARN("Warn"),
    PASS("Pass"),
    /** The broker lacks an optional feature the test needs, or made a choice the test cannot go on from. */
    NOT_APPLICABLE("N/A"),
    /** The broker does not speak the protocol version of the test at all. */
    NOT_SUPPORTED("Not supported"),
    /** Only for statements: no test in the run checked it. */
    UNTESTED("Untested");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** How a person reads it, e.g. {@code N/A}. */
    public String label() {
        return label;
    }

    /** Lower-case token for CSS classes and filter ids, e.g. {@code not_applicable}. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Verdict worst(Verdict a, Verdict b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    /**
     * Parses a published verdict; anything else (and UNTESTED, which no test can be) is ignored rather than trusted.
     */
    public static Optional<Verdict> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Verdict v : values()) {
            if (v != UNTESTED && v.name().equals(t)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
