package dev.mqttkit.conformance.scenario;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code $name} values of one scenario run: bound by the first expected packet that carries them (the packet id
 * a broker chose), compared with every later one, and used in packets sent afterwards.
 */
final class Variables {
    private final Map<String, Integer> values = new HashMap<>();

    /** A literal number, or the value a variable was bound to; an unbound variable here is a script error. */
    int resolve(String value) {
        if (!value.startsWith("$")) {
            return Integer.parseInt(value);
        }
        Integer bound = values.get(value);
        if (bound == null) {
            throw new IllegalStateException("variable " + value + " is used before a packet bound it");
        }
        return bound;
    }

    /** Whether a received value fits: equal to the literal or the bound value; anything fits an unbound variable. */
    boolean matches(String expected, String actual) {
        if (!expected.startsWith("$")) {
            return expected.equals(actual);
        }
        Integer bound = values.get(expected);
        return bound == null || String.valueOf(bound).equals(actual);
    }

    void bind(String name, int value) {
        values.putIfAbsent(name, value);
    }

    /** How a field reads in a mismatch: the literal, or the variable with its value once bound. */
    String describe(String value) {
        Integer bound = value.startsWith("$") ? values.get(value) : null;
        return bound == null ? value : value + " (" + bound + ")";
    }
}
