package dev.mqttkit.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** How a test's JUnit display path is shortened for people; the full path stays in title attributes. */
public final class TestNames {

    /** A Java parameter list at the end of a display name segment, e.g. {@code (Harness, ScriptedClient)}. */
    private static final Pattern PARAMETER_LIST =
            Pattern.compile("\\((?:[A-Za-z_$][\\w$.]*(?:<[^>]*>)?(?:\\[])*(?:, )?)*\\)$");
    /** The name of a per-version invocation, e.g. {@code MQTT 3.1.1} or {@code [2] MQTT 3.1}. */
    private static final Pattern VERSION_INVOCATION =
            Pattern.compile("(?:\\[\\d+] )?MQTT v?3\\.1(?:\\.1)?");

    private TestNames() {
    }

    /**
     * A test's display path without the Java parameter lists JUnit appends to method names, e.g.
     * {@code ConnectTests › closesConnectionOnSecondConnect › MQTT 3.1}.
     */
    public static String readableName(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : name.split(" \u203a ")) {
            parts.add(PARAMETER_LIST.matcher(part).replaceAll(""));
        }
        return String.join(" \u203a ", parts);
    }

    /**
     * The part of a test's name that tells it apart in a statement's list of tests: the method or scenario name,
     * without the class (all tests of a statement tend to share it), the version invocation (the table is per
     * version) or a scenario's description after its colon.
     */
    public static String shortName(String name) {
        String[] parts = readableName(name).split(" \u203a ");
        for (int i = parts.length - 1; i >= 0; i--) {
            String part = parts[i];
            int colon = part.indexOf(": ");
            String candidate = colon > 0 ? part.substring(0, colon) : part;
            if (!VERSION_INVOCATION.matcher(candidate).matches() && (i > 0 || parts.length == 1)) {
                return candidate;
            }
        }
        return parts[parts.length - 1];
    }
}
