package dev.mqttkit.report.junit;

import dev.mqttkit.report.html.TestNames;
import dev.mqttkit.report.model.TestOutcome;

import java.util.ArrayList;
import java.util.List;

/**
 * How one test appears to a CI test reporter: its class and name, and whether it failed, was skipped or passed with
 * a note. Only what should turn a build red is a failure: a FAIL the expectations file does not list, and with
 * {@code strict} a listed deviation that went away.
 *
 * @param outcome {@code FAILURE}, {@code SKIPPED} or {@code PASSED}
 * @param message one line for the reporter's list, null when passed without a note
 * @param body    the failure's text, or the note a passed test prints to its system-out; may be null
 */
record TestCase(String className, String name, Kind outcome, String message, String body) {

    enum Kind { FAILURE, SKIPPED, PASSED }

    private static final String CULPRIT = "The broker stopped answering after this test";

    static TestCase of(TestOutcome t, boolean strict) {
        String[] names = names(t);
        String reason = t.reason() == null ? "" : t.reason().strip();
        String known = t.expected() && t.expectation() != null
                ? "known deviation, listed in the expectations file: " + orNone(t.expectation().reason()) : null;
        return switch (t.verdict()) {
            case FAIL -> known == null
                    ? new TestCase(names[0], names[1], Kind.FAILURE, firstLine(reason, "failed"), details(t))
                    : new TestCase(names[0], names[1], Kind.PASSED, "FAIL, " + known,
                            "FAIL, " + known + "\n" + details(t));
            case WARN -> new TestCase(names[0], names[1], Kind.PASSED, "WARN: " + firstLine(reason, "warned"),
                    "WARN: " + (known == null ? "" : known + "\n") + details(t));
            case PASS -> passed(t, names, strict);
            case INCONCLUSIVE, NOT_APPLICABLE, NOT_SUPPORTED, UNTESTED -> new TestCase(names[0], names[1],
                    Kind.SKIPPED, t.verdict().label() + ": " + firstLine(reason, "not checked"), null);
        };
    }

    private static TestCase passed(TestOutcome t, String[] names, boolean strict) {
        if (t.culprit()) {
            return new TestCase(names[0], names[1], Kind.PASSED, CULPRIT, details(t));
        }
        if (!t.fixed()) {
            return new TestCase(names[0], names[1], Kind.PASSED, null, null);
        }
        String fixed = "fixed \u2014 remove it from the expectations file (listed as "
                + t.expectation().expected().label() + ": " + orNone(t.expectation().reason()) + ")";
        return new TestCase(names[0], names[1], strict ? Kind.FAILURE : Kind.PASSED, fixed, fixed);
    }

    /**
     * Class and name from the suite's test key ({@code ConnectTests#closes… [3.1.1]}, {@code scenario:qos1-flow
     * [3.1]}), else from JUnit's display path: its first segment is the class, the rest the name.
     */
    static String[] names(TestOutcome t) {
        String key = t.testKey();
        if (key != null) {
            int hash = key.indexOf('#');
            int colon = key.indexOf(':');
            int space = key.indexOf(' ');
            int cut = hash > 0 ? hash : colon > 0 && (space < 0 || colon < space) ? colon : -1;
            if (cut > 0 && cut < key.length() - 1) {
                return new String[] {key.substring(0, cut), key.substring(cut + 1)};
            }
            return new String[] {"mqtt", key};
        }
        String[] parts = TestNames.readableName(t.name()).split(" \u203a ", 2);
        return parts.length == 2 ? parts : new String[] {parts[0], parts[0]};
    }

    /** Everything a CI reader needs to act without opening the HTML page. */
    private static String details(TestOutcome t) {
        List<String> lines = new ArrayList<>();
        if (t.reason() != null) {
            lines.add(t.reason().strip());
        }
        if (t.culprit()) {
            lines.add(CULPRIT + ": the later tests could not be checked.");
        }
        lines.add("Test: " + t.key());
        lines.add("Statements: " + (t.statements().isEmpty() ? "none declared" : String.join(" ", t.statements()))
                + (t.version() != null ? " (MQTT " + t.version() + ")" : "")
                + (t.level() != null ? ", " + t.level() : ""));
        if (t.observed() != null) {
            lines.add("Observed: " + t.observed());
        }
        if (t.property() != null) {
            lines.add("Property: seed " + t.property().seed() + ", " + t.property().examples() + " examples"
                    + (t.property().counterexample() != null
                    ? "; counterexample: " + t.property().counterexample() : ""));
        }
        if (t.failure() != null && (t.reason() == null || !t.failure().contains(t.reason().strip()))) {
            lines.add("JUnit: " + t.failure());
        }
        if (t.scenario() != null) {
            lines.add("Scenario script:\n" + t.scenario().strip());
        }
        if (!t.transcript().isEmpty()) {
            lines.add("Wire transcript:\n" + TranscriptText.render(t.transcript()).stripTrailing());
        }
        return String.join("\n", lines);
    }

    private static String firstLine(String text, String otherwise) {
        return text.isBlank() ? otherwise : text.lines().findFirst().orElse(otherwise);
    }

    private static String orNone(String reason) {
        return reason == null || reason.isBlank() ? "no reason given" : reason;
    }
}
