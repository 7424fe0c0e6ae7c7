package dev.mqttkit.conformance.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code --list} prints: per protocol version, each test's key (the name an expectations file uses, sorted) and
 * the statements it checks in that version.
 */
final class TestList {
    private TestList() {
    }

    static void print(PrintStream out, List<SuiteRun.Listed> tests) {
        TreeMap<String, List<SuiteRun.Listed>> byVersion = new TreeMap<>();
        for (SuiteRun.Listed t : tests.stream().sorted(Comparator.comparing(SuiteRun.Listed::key)).toList()) {
            byVersion.computeIfAbsent(t.version(), v -> new ArrayList<>()).add(t);
        }
        for (Map.Entry<String, List<SuiteRun.Listed>> e : byVersion.descendingMap().entrySet()) {
            out.println("MQTT " + e.getKey() + ": " + tests(e.getValue().size()));
            int width = e.getValue().stream().mapToInt(t -> t.key().length()).max().orElse(0);
            for (SuiteRun.Listed t : e.getValue()) {
                out.println("  " + t.key() + " ".repeat(width - t.key().length() + 2)
                        + (t.statements().isEmpty() ? "-" : String.join(" ", t.statements())));
            }
        }
        out.println(tests(tests.size()) + " in all; nothing was connected to");
    }

    private static String tests(int n) {
        return n + (n == 1 ? " test" : " tests");
    }
}
