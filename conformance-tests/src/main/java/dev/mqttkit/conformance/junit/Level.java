package dev.mqttkit.conformance.junit;

/** How strong a statement is: a broken MUST fails a test, an unmet SHOULD only warns. */
public enum Level {
    MUST, SHOULD, MAY,
    /** Not a level: take it from the catalogue. */
    FROM_CATALOGUE;

    /** The level of a catalogue keyword ({@code MUST NOT} is a MUST). */
    public static Level ofKeyword(String keyword) {
        if (keyword.startsWith("MUST")) {
            return MUST;
        }
        return keyword.startsWith("SHOULD") ? SHOULD : MAY;
    }

    /** The stronger of two levels. */
    public static Level strongest(Level a, Level b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
