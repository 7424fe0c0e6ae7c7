package dev.mqttkit.report.model;

import java.util.Locale;

/** Requirement strength; the negative forms bind as strongly as the positive ones and are folded into them. */
public enum Level {
    MUST, SHOULD, MAY;

    /** Reads {@code MUST}, {@code MUST NOT}, {@code SHOULD NOT}, ...; returns null for anything else. */
    public static Level parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.startsWith("MUST") || t.equals("SHALL")) {
            return MUST;
        }
        if (t.startsWith("SHOULD")) {
            return SHOULD;
        }
        if (t.startsWith("MAY")) {
            return MAY;
        }
        return null;
    }

    public static Level strongest(Level a, Level b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
