package dev.mqttkit.contract;

import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of a test or of a statement. Declared worst first, so the declaration order is the order a reader
 * wants to see them in and {@link #worst} is a comparison of ordinals.
 */
public enum Verdict {
    FAIL("Fail"),
    WARN("Warn"),
    PASS("Pass"),
    NOT_APPLICABLE("N/A"),
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

    /** Parses a published verdict; anything else (and UNTESTED, which no test can be) is ignored rather than trusted. */
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
