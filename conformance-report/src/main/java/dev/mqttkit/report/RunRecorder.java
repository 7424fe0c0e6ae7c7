package dev.mqttkit.report;

import dev.mqttkit.contract.EntryKey;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The raw data of one test plan execution: what JUnit reported per test or container, in arrival order. It keeps
 * JUnit's own types and interprets nothing, so a snapshot can be taken at any moment (a shutdown hook, an
 * incremental write) while tests are still running, possibly in parallel.
 */
final class RunRecorder {

    private final TestPlan plan;
    private final Clock clock;
    private final Instant started;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private boolean conformance;
    private Instant finished;

    RunRecorder(TestPlan plan, Clock clock) {
        this.plan = plan;
        this.clock = clock;
        this.started = clock.instant();
    }

    synchronized void started(TestIdentifier id) {
        node(id).start = clock.instant();
    }

    synchronized void skipped(TestIdentifier id, String reason) {
        Node n = node(id);
        n.skipReason = reason == null ? "skipped" : reason;
        n.end = clock.instant();
    }

    synchronized void finished(TestIdentifier id, TestExecutionResult result) {
        Node n = node(id);
        n.result = result;
        n.end = clock.instant();
    }

    synchronized void entry(TestIdentifier id, ReportEntry entry) {
        Map<String, String> pairs = entry.getKeyValuePairs();
        node(id).entries.add(Map.copyOf(pairs));
        if (pairs.keySet().stream().anyMatch(k -> k.startsWith(EntryKey.PREFIX))) {
            conformance = true;
        }
    }

    synchronized void planFinished() {
        finished = clock.instant();
    }

    synchronized boolean isConformanceRun() {
        return conformance;
    }

    synchronized boolean isFinished() {
        return finished != null;
    }

    Instant startedAt() {
        return started;
    }

    /** A consistent copy of everything recorded so far, for the assembler. */
    synchronized Snapshot snapshot() {
        List<Recorded> copy = new ArrayList<>();
        for (Node n : nodes.values()) {
            copy.add(new Recorded(n.id, displayPath(n.id), List.copyOf(n.entries), ancestorEntries(n.id),
                    n.start, n.end, Optional.ofNullable(n.result), Optional.ofNullable(n.skipReason)));
        }
        Instant end = finished != null ? finished : clock.instant();
        return new Snapshot(started, end, finished == null, Collections.unmodifiableList(copy));
    }

    private Node node(TestIdentifier id) {
        return nodes.computeIfAbsent(id.getUniqueId(), k -> new Node(id));
    }

    /** Entries of all ancestors, outermost first, so that the nearest publication comes last. */
    private List<Map<String, String>> ancestorEntries(TestIdentifier id) {
        List<TestIdentifier> chain = chain(id);
        List<Map<String, String>> all = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 1; i--) {
            Node n = nodes.get(chain.get(i).getUniqueId());
            if (n != null) {
                all.addAll(n.entries);
            }
        }
        return all;
    }

    private String displayPath(TestIdentifier id) {
        List<TestIdentifier> chain = chain(id);
        List<String> names = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            TestIdentifier t = chain.get(i);
            // The engine root ("JUnit Jupiter") says nothing a broker author needs.
            if (t.getParentIdObject().isPresent() || chain.size() == 1) {
                names.add(t.getDisplayName());
            }
        }
        return String.join(" \u203a ", names);
    }

    private List<TestIdentifier> chain(TestIdentifier id) {
        List<TestIdentifier> chain = new ArrayList<>();
        TestIdentifier current = id;
        while (current != null) {
            chain.add(current);
            current = parentOf(current);
        }
        return chain;
    }

    private TestIdentifier parentOf(TestIdentifier id) {
        try {
            return plan.getParent(id).orElse(null);
        } catch (RuntimeException e) {
            // Identifiers built outside this plan (dynamic tests in some launchers) have no known parent here.
            return null;
        }
    }

    private static final class Node {
        final TestIdentifier id;
        final List<Map<String, String>> entries = new ArrayList<>();
        Instant start;
        Instant end;
        TestExecutionResult result;
        String skipReason;

        Node(TestIdentifier id) {
            this.id = id;
        }
    }

    /**
     * One test or container as recorded. Only the keys that describe the context ({@link EntryKey#inherited()}) are
     * looked up in the ancestors' entries too: a class-level transcript or verdict must not be pinned on every test.
     */
    record Recorded(TestIdentifier id, String name, List<Map<String, String>> own,
                    List<Map<String, String>> inherited, Instant start, Instant end,
                    Optional<TestExecutionResult> result, Optional<String> skipReason) {

        boolean hasContractEntries() {
            return hasContractKey(own) || hasContractKey(inherited);
        }

        private static boolean hasContractKey(List<Map<String, String>> entries) {
            return entries.stream().anyMatch(m -> m.keySet().stream().anyMatch(k -> k.startsWith(EntryKey.PREFIX)));
        }

        /** The last value of a key published by this node, else (for context keys) by its nearest ancestor. */
        String last(EntryKey key) {
            String v = lastIn(own, key.key());
            return v != null || !key.inherited() ? v : lastIn(inherited, key.key());
        }

        /** Every value of a key this node published itself, oldest first. */
        List<String> all(EntryKey key) {
            List<String> values = new ArrayList<>();
            for (Map<String, String> e : own) {
                String v = e.get(key.key());
                if (v != null) {
                    values.add(v);
                }
            }
            return values;
        }

        private static String lastIn(List<Map<String, String>> entries, String key) {
            for (int i = entries.size() - 1; i >= 0; i--) {
                String v = entries.get(i).get(key);
                if (v != null) {
                    return v;
                }
            }
            return null;
        }
    }

    record Snapshot(Instant started, Instant end, boolean partial, List<Recorded> nodes) {
    }
}
