package dev.mqttkit.report;

import dev.mqttkit.contract.Catalogue;
import dev.mqttkit.contract.Statement;
import dev.mqttkit.contract.Level;
import dev.mqttkit.contract.TargetFacts;
import dev.mqttkit.report.model.Chapters;
import dev.mqttkit.report.model.Score;
import dev.mqttkit.report.model.StatementResult;
import dev.mqttkit.report.model.TestOutcome;
import dev.mqttkit.contract.Verdict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statement-level verdicts and scores of one target. A statement's verdict is the worst verdict of the tests that
 * checked it, in the order of {@link #PRECEDENCE}. Each tested version lists its whole catalogue, so untested
 * statements are visible; a 3.1 run also lists the 3.1.1 statements its tests checked, since 3.1 shares most rules
 * with 3.1.1. A version the broker refused lists its statements as NOT_SUPPORTED rather than untested.
 */
final class StatementTable {

    /**
     * Which test verdict decides a statement's: a finding (FAIL, then WARN) stands whatever other tests of the
     * statement could not check, so a broker that stops answering cannot hide one; without a finding, a statement
     * some test could not check is INCONCLUSIVE rather than PASS, because it was not checked in full. This differs
     * from the declaration order of {@link Verdict} only in where INCONCLUSIVE goes.
     */
    static final List<Verdict> PRECEDENCE = List.of(Verdict.FAIL, Verdict.WARN, Verdict.INCONCLUSIVE, Verdict.PASS,
            Verdict.NOT_APPLICABLE, Verdict.NOT_SUPPORTED, Verdict.UNTESTED);

    private final List<String> versions;
    private final List<StatementResult> statements = new ArrayList<>();
    private final List<Score> scores = new ArrayList<>();

    /**
     * @param unsupported versions the broker refused, each with what it did
     * @param kind        the side the target implements: whether a statement is observable is asked for that side
     */
    StatementTable(Catalogue catalogue, List<TestOutcome> tests, Map<String, String> unsupported,
                   TargetFacts.Kind kind) {
        this.versions = versionsOf(tests, unsupported.keySet());
        for (String version : versions) {
            String refused = unsupported.get(version);
            List<StatementResult> rows = rows(catalogue, version, tests,
                    refused == null ? Verdict.UNTESTED : Verdict.NOT_SUPPORTED, kind);
            statements.addAll(rows);
            scores.add(score(version, rows, refused));
        }
    }

    /** The verdict of a statement checked by tests with verdicts {@code a} and {@code b}. */
    static Verdict combine(Verdict a, Verdict b) {
        return PRECEDENCE.indexOf(a) <= PRECEDENCE.indexOf(b) ? a : b;
    }

    List<String> versions() {
        return versions;
    }

    List<StatementResult> statements() {
        return statements;
    }

    List<Score> scores() {
        return scores;
    }

    /** The version a statement was checked under: the test's own, else guessed from the id's shape. */
    static String versionOf(TestOutcome test, String statementId) {
        if (test.version() != null && !test.version().isBlank()) {
            return test.version();
        }
        return statementId.startsWith("MQTTv3.1") ? Catalogue.V31 : Catalogue.V311;
    }

    private static List<String> versionsOf(List<TestOutcome> tests, Collection<String> unsupported) {
        List<String> found = new ArrayList<>(unsupported);
        for (TestOutcome t : tests) {
            if (t.version() != null && !t.version().isBlank() && !found.contains(t.version())) {
                found.add(t.version());
            }
            for (String id : t.statements()) {
                String v = versionOf(t, id);
                if (!found.contains(v)) {
                    found.add(v);
                }
            }
        }
        List<String> known = List.of(Catalogue.V311, Catalogue.V31);
        found.sort(Comparator.comparingInt((String v) -> known.contains(v) ? known.indexOf(v) : known.size())
                .thenComparing(Comparator.naturalOrder()));
        return List.copyOf(found);
    }

    private static List<StatementResult> rows(Catalogue catalogue, String version, List<TestOutcome> tests,
                                              Verdict unchecked, TargetFacts.Kind kind) {
        Map<String, Row> rows = new LinkedHashMap<>();
        catalogue.statements(version).forEach(s -> rows.put(s.id(), new Row(version, s, s.id(), unchecked)));
        for (TestOutcome t : tests) {
            for (String id : t.statements()) {
                if (!versionOf(t, id).equals(version)) {
                    continue;
                }
                Row row = rows.computeIfAbsent(id,
                        k -> new Row(version, catalogue.find(k).orElse(null), k, unchecked));
                row.verdict = row.tests.isEmpty() ? t.verdict() : combine(row.verdict, t.verdict());
                row.level = Level.strongest(row.level, row.statement == null ? t.level() : null);
                row.tests.add(t.anchor());
            }
        }
        List<String> groupOrder = new ArrayList<>();
        rows.values().forEach(r -> {
            if (!groupOrder.contains(r.group())) {
                groupOrder.add(r.group());
            }
        });
        // Shared statements after the version's own, uncatalogued ids last.
        groupOrder.sort(Comparator.comparingInt(
                (String g) -> g.isEmpty() ? 2 : g.startsWith(Chapters.SHARED_GROUP) ? 1 : 0));
        List<Row> ordered = new ArrayList<>(rows.values());
        List<Row> catalogueOrder = List.copyOf(ordered);
        ordered.sort(Comparator.comparingInt((Row r) -> groupOrder.indexOf(r.group()))
                .thenComparingInt(r -> PRECEDENCE.indexOf(r.verdict))
                .thenComparingInt(catalogueOrder::indexOf));
        return ordered.stream().map(r -> r.result(kind)).toList();
    }

    private static Score score(String version, List<StatementResult> rows, String notSupported) {
        int passed = 0;
        int applicable = 0;
        int untested = 0;
        int inconclusive = 0;
        for (StatementResult r : rows) {
            if (r.level() != Level.MUST) {
                continue;
            }
            switch (r.verdict()) {
                case PASS, WARN -> {
                    passed++;
                    applicable++;
                }
                case FAIL -> applicable++;
                case INCONCLUSIVE -> inconclusive++;
                case UNTESTED -> untested += r.observable() ? 1 : 0;
                case NOT_APPLICABLE, NOT_SUPPORTED -> { }
            }
        }
        return new Score(version, passed, applicable, untested, inconclusive, notSupported);
    }

    private static final class Row {
        final String version;
        final Statement statement;
        final String id;
        final List<String> tests = new ArrayList<>();
        Verdict verdict;
        Level level;

        Row(String version, Statement statement, String id, Verdict unchecked) {
            this.version = version;
            this.verdict = unchecked;
            this.statement = statement;
            this.id = id;
            this.level = statement == null ? null : statement.level();
        }

        String group() {
            if (statement == null) {
                return "";
            }
            return statement.version().equals(version) ? statement.group()
                    : Chapters.SHARED_GROUP + statement.group();
        }

        StatementResult result(TargetFacts.Kind kind) {
            Statement s = statement;
            return new StatementResult(version, id, level, group(), s == null ? null : s.section(),
                    s == null ? null : s.sectionTitle(), s == null ? null : s.paraphrase(), s != null,
                    s == null || s.observableOn(kind), s == null ? null : s.notObservableReasonOn(kind), verdict,
                    tests);
        }
    }
}
