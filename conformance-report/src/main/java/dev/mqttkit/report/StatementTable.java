package dev.mqttkit.report;

import dev.mqttkit.contract.Catalogue;
import dev.mqttkit.contract.Statement;
import dev.mqttkit.contract.Level;
import dev.mqttkit.report.model.Chapters;
import dev.mqttkit.report.model.Score;
import dev.mqttkit.report.model.StatementResult;
import dev.mqttkit.report.model.TestOutcome;
import dev.mqttkit.contract.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statement-level verdicts and scores of one target. A statement's verdict is the worst verdict of the tests that
 * checked it. Each tested version lists its whole catalogue, so untested statements are visible; a 3.1 run also
 * lists the 3.1.1 statements its tests checked, since 3.1 shares most rules with 3.1.1.
 */
final class StatementTable {

    private final List<String> versions;
    private final List<StatementResult> statements = new ArrayList<>();
    private final List<Score> scores = new ArrayList<>();

    StatementTable(Catalogue catalogue, List<TestOutcome> tests) {
        this.versions = versionsOf(tests);
        for (String version : versions) {
            List<StatementResult> rows = rows(catalogue, version, tests);
            statements.addAll(rows);
            scores.add(score(version, rows));
        }
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

    private static List<String> versionsOf(List<TestOutcome> tests) {
        List<String> found = new ArrayList<>();
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

    private static List<StatementResult> rows(Catalogue catalogue, String version, List<TestOutcome> tests) {
        Map<String, Row> rows = new LinkedHashMap<>();
        catalogue.statements(version).forEach(s -> rows.put(s.id(), new Row(version, s, s.id())));
        for (TestOutcome t : tests) {
            for (String id : t.statements()) {
                if (!versionOf(t, id).equals(version)) {
                    continue;
                }
                Row row = rows.computeIfAbsent(id,
                        k -> new Row(version, catalogue.find(k).orElse(null), k));
                row.verdict = row.tests.isEmpty() ? t.verdict() : Verdict.worst(row.verdict, t.verdict());
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
                .thenComparing(r -> r.verdict)
                .thenComparingInt(catalogueOrder::indexOf));
        return ordered.stream().map(Row::result).toList();
    }

    private static Score score(String version, List<StatementResult> rows) {
        int passed = 0;
        int applicable = 0;
        int untested = 0;
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
                case UNTESTED -> untested += r.observable() ? 1 : 0;
                case NOT_APPLICABLE -> { }
            }
        }
        return new Score(version, passed, applicable, untested);
    }

    private static final class Row {
        final String version;
        final Statement statement;
        final String id;
        final List<String> tests = new ArrayList<>();
        Verdict verdict = Verdict.UNTESTED;
        Level level;

        Row(String version, Statement statement, String id) {
            this.version = version;
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

        StatementResult result() {
            Statement s = statement;
            return new StatementResult(version, id, level, group(), s == null ? null : s.section(),
                    s == null ? null : s.sectionTitle(), s == null ? null : s.paraphrase(), s != null,
                    s == null || s.observable(), s == null ? null : s.notObservableReason(), verdict, tests);
        }
    }
}
