package dev.mqttkit.contract;

import java.util.Locale;

/**
 * How strong a statement is. The negative forms bind as strongly as the positive ones and are folded into them:
 * a broken MUST or MUST NOT fails a test, an unmet SHOULD or SHOULD NOT only warns, a MAY is never a failure.
 */
public enum Level {
    MUST, SHOULD, MAY;

    /** Reads {@code MUST}, {@code MUST NOT}, {@code SHALL}, {@code SHOULD NOT}, {@code MAY}; null for anything else. */
    public static Level parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.startsWith("MUST") || t.startsWith("SHALL")) {
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

    /** The stronger of two levels; null stands for "not known" and loses to any level. */
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
