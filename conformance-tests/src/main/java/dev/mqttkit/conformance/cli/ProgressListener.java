package dev.mqttkit.conformance.cli;

import dev.mqttkit.contract.EntryKey;
import dev.mqttkit.contract.Expectation;
import dev.mqttkit.contract.Verdict;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Shows that a run is alive and what it has found so far. On a terminal: one line, rewritten in place, with tests
 * done of the total, failures so far and the test that started last. In a CI log: a plain line every
 * {@link #PLAIN_EVERY}. Either way each FAIL is printed once as it happens, with the test's key (as an expectations
 * file names it), its statements and a one-line reason; the reachability check is not: when the broker cannot be
 * reached the report says so once.
 */
final class ProgressListener implements TestExecutionListener {
    static final Duration PLAIN_EVERY = Duration.ofSeconds(10);
    private static final Duration REDRAW_EVERY = Duration.ofMillis(100);
    private static final int REASON_CHARACTERS = 160;

    private final PrintStream out;
    private final int total;
    private final boolean terminal;
    private final int width;
    private final Clock clock;
    private final Map<String, Map<String, String>> entries = new HashMap<>();
    private TestPlan plan;
    private int done;
    private int failed;
    private int expectedFailures;
    private String current = "";
    private Instant lastLine;
    private int shownLength;

    /**
     * @param total    tests the run will execute, from its dry run; 0 when unknown
     * @param terminal whether {@code out} is a terminal, where a line can be rewritten
     * @param width    the terminal's width in characters
     */
    ProgressListener(PrintStream out, int total, boolean terminal, int width, Clock clock) {
        this.out = out;
        this.total = total;
        this.terminal = terminal;
        this.width = Math.max(40, width);
        this.clock = clock;
        this.lastLine = clock.instant();
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        lastLine = clock.instant();
    }

    @Override
    public synchronized void executionStarted(TestIdentifier id) {
        if (id.isTest()) {
            current = name(id);
            progress(false);
        }
    }

    @Override
    public synchronized void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        entries.computeIfAbsent(id.getUniqueId(), k -> new HashMap<>()).putAll(entry.getKeyValuePairs());
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Map<String, String> e = entries.getOrDefault(id.getUniqueId(), Map.of());
        entries.remove(id.getUniqueId());
        if (e.containsKey(EntryKey.TARGET_ERROR.key())) {
            return;
        }
        if (e.containsKey(EntryKey.TEST_KEY.key())) {
            done++;
        }
        Optional<Verdict> verdict = Verdict.parse(e.get(EntryKey.VERDICT.key()));
        if (verdict.orElse(null) == Verdict.FAIL) {
            failed++;
            boolean expected = Expectation.parse(e.get(EntryKey.EXPECTED.key()))
                    .map(x -> x.status() == Expectation.Status.EXPECTED).orElse(false);
            String statements = e.getOrDefault(EntryKey.STATEMENTS.key(), "");
            expectedFailures += expected ? 1 : 0;
            printLine((expected ? "FAIL (expected) " : "FAIL ") + e.get(EntryKey.TEST_KEY.key())
                    + (statements.isEmpty() ? "" : " " + statements) + reason(e.get(EntryKey.REASON.key())));
        } else if (result.getStatus() == TestExecutionResult.Status.FAILED) {
            failed++;
            String key = e.getOrDefault(EntryKey.TEST_KEY.key(), name(id));
            printLine("FAILED " + key + reason(result.getThrowable().map(Throwable::getMessage).orElse(null)));
        }
        if (id.isTest()) {
            progress(false);
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        if (terminal) {
            clear();
        }
        out.flush();
    }

    private void progress(boolean force) {
        Instant now = clock.instant();
        Duration every = terminal ? REDRAW_EVERY : PLAIN_EVERY;
        if (!force && Duration.between(lastLine, now).compareTo(every) < 0) {
            return;
        }
        lastLine = now;
        String counts = (total > 0 ? done + "/" + total : done + "") + " tests done, " + failed + " failed"
                + (expectedFailures > 0 ? " (" + expectedFailures + " expected)" : "");
        if (terminal) {
            String line = counts + "  " + current;
            line = line.length() >= width ? line.substring(0, width - 2) + "\u2026" : line;
            out.print("\r" + line + " ".repeat(Math.max(0, shownLength - line.length())));
            shownLength = line.length();
        } else {
            out.println(counts);
        }
        out.flush();
    }

    private void printLine(String line) {
        if (terminal) {
            clear();
        }
        out.println(line);
        if (terminal) {
            progress(true);
        }
        out.flush();
    }

    private void clear() {
        if (shownLength > 0) {
            out.print("\r" + " ".repeat(shownLength) + "\r");
            shownLength = 0;
        }
    }

    private static String reason(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("").strip();
        return " \u2014 " + (line.length() > REASON_CHARACTERS ? line.substring(0, REASON_CHARACTERS) + "\u2026"
                : line);
    }

    /**
     * "ConnectTests#closesConnectionOnSecondConnect › MQTT 3.1.1": the test method or factory, then the names of the
     * nodes below it (an invocation's version, a scenario's name).
     */
    private String name(TestIdentifier id) {
        Deque<String> below = new ArrayDeque<>();
        TestIdentifier at = id;
        while (at != null) {
            TestIdentifier parent = plan == null ? null : plan.getParent(at).orElse(null);
            if (at.getSource().orElse(null) instanceof MethodSource m
                    && (parent == null || !(parent.getSource().orElse(null) instanceof MethodSource))) {
                below.addFirst(m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "#"
                        + m.getMethodName());
                return String.join(" \u203a ", below);
            }
            below.addFirst(at.getDisplayName());
            at = parent;
        }
        return id.getDisplayName();
    }
}
