package dev.mqttkit.report.html;

import dev.mqttkit.contract.Cascade;
import dev.mqttkit.contract.Catalogue;
import dev.mqttkit.contract.Verdict;
import dev.mqttkit.report.model.Chapters;
import dev.mqttkit.report.model.Score;
import dev.mqttkit.report.model.StatementResult;
import dev.mqttkit.report.model.TargetRun;
import dev.mqttkit.report.model.TestOutcome;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the target page template shows, precomputed so that the template holds no logic beyond loops. Findings come
 * first and stay apart from what could not be judged: new failures and warnings, then the known deviations of the
 * user's expectations file; tests that could not check anything (the broker stopped answering, or refused their
 * protocol version) are collapsed at the end, and the cascade that made them so is told once, at the top.
 */
public final class TargetPage {

    private final TargetRun run;
    private final boolean keptReport;
    private final List<VersionSection> sections = new ArrayList<>();
    private final List<TestView> tests = new ArrayList<>();
    private final List<TestView> inconclusive = new ArrayList<>();
    private final List<TestView> notSupported = new ArrayList<>();
    private final List<TestView> fixed = new ArrayList<>();
    private final List<StatementRow> newFindings = new ArrayList<>();
    private final List<StatementRow> knownDeviations = new ArrayList<>();

    public TargetPage(TargetRun run) {
        this(run, false);
    }

    /**
     * @param keptReport for a run that reached no broker: the target's last report is in {@code index.html} beside
     *                   this page
     */
    public TargetPage(TargetRun run, boolean keptReport) {
        this.run = run;
        this.keptReport = keptReport;
        Map<String, TestOutcome> byAnchor = new HashMap<>();
        run.tests().forEach(t -> byAnchor.put(t.anchor(), t));
        for (String version : run.versions()) {
            sections.add(section(version, byAnchor));
        }
        for (TestOutcome t : run.tests()) {
            TestView view = new TestView(t);
            switch (t.verdict()) {
                case INCONCLUSIVE -> inconclusive.add(view);
                case NOT_SUPPORTED -> notSupported.add(view);
                default -> tests.add(view);
            }
            if (t.fixed()) {
                fixed.add(view);
            }
        }
        for (Verdict worst : List.of(Verdict.FAIL, Verdict.WARN)) {
            sections.forEach(sec -> sec.groups().forEach(g -> g.rows().stream()
                    .filter(r -> r.statement().verdict() == worst)
                    .forEach(r -> (r.known() ? knownDeviations : newFindings).add(r))));
        }
    }

    private VersionSection section(String version, Map<String, TestOutcome> byAnchor) {
        Map<String, List<StatementRow>> groups = new LinkedHashMap<>();
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (StatementResult s : run.statements()) {
            if (!s.version().equals(version)) {
                continue;
            }
            List<Link> links = new ArrayList<>();
            List<TestOutcome> checkedBy = new ArrayList<>();
            for (String anchor : s.tests()) {
                TestOutcome t = byAnchor.get(anchor);
                if (t != null) {
                    links.add(new Link(TestNames.shortName(t.name()), "#" + anchor, t.verdict().token(), t.key()));
                    checkedBy.add(t);
                }
            }
            groups.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(StatementRow.of(s, links, checkedBy));
            counts.merge(s.verdict(), 1, Integer::sum);
        }
        List<Group> list = new ArrayList<>();
        groups.forEach((g, rows) -> list.add(new Group(groupTitle(version, g), rows)));
        Score score = run.scores().stream().filter(sc -> sc.version().equals(version)).findFirst()
                .orElse(new Score(version, 0, 0, 0, 0, run.unsupported().get(version)));
        return new VersionSection(version, score, run.filtered(), Count.of(counts, true), list);
    }

    static String groupTitle(String version, String group) {
        if (group != null && group.startsWith(Chapters.SHARED_GROUP)) {
            return "Shared with 3.1.1 \u2014 "
                    + Chapters.title(Catalogue.V311, group.substring(Chapters.SHARED_GROUP.length()));
        }
        return Chapters.title(version, group);
    }

    public TargetRun run() {
        return run;
    }

    public String title() {
        return "MQTT conformance \u2014 " + run.target().name();
    }

    public String date() {
        return Format.date(run.started());
    }

    public String duration() {
        return Format.duration(run.durationMillis());
    }

    public String versions() {
        return run.versions().isEmpty() ? "none" : String.join(", ", run.versions());
    }

    public List<Count> testCounts() {
        return Count.of(run.testCounts(), false);
    }

    public List<VersionSection> sections() {
        return sections;
    }

    /** Tests with a verdict about their statements, failures first. */
    public List<TestView> tests() {
        return tests;
    }

    /** Tests that could not check their statements: shown collapsed, after the findings. */
    public List<TestView> inconclusive() {
        return inconclusive;
    }

    /** Tests of a protocol version the broker refused: shown collapsed, after everything else. */
    public List<TestView> notSupported() {
        return notSupported;
    }

    /** Tests whose listed deviation went away. */
    public List<TestView> fixed() {
        return fixed;
    }

    /** Failed, then warned statements the expectations file does not account for: what a broker author reads first. */
    public List<StatementRow> newFindings() {
        return newFindings;
    }

    /** Failed, then warned statements whose failing tests the expectations file all lists. */
    public List<StatementRow> knownDeviations() {
        return knownDeviations;
    }

    public long mustFailures() {
        return run.mustFailures();
    }

    /** This attempt reached no broker, and the target's last report beside it was kept. */
    public boolean keptReport() {
        return keptReport;
    }

    /** The run's cascade as the page tells it, or null when the broker kept answering. */
    public CascadeView cascade() {
        Cascade c = run.cascade();
        if (c == null) {
            return null;
        }
        TestOutcome culprit = run.culpritTest();
        return new CascadeView(c, culprit == null ? null : "#" + culprit.anchor(),
                culprit == null ? c.culprit() : culprit.key(), run.inconclusiveTests());
    }

    /**
     * "2 new failures, 1 new warning · 3 known deviations · 1 fixed", for the summary: the tests the expectations
     * file does not account for against those it does. Null when no result was compared with such a file.
     */
    public String expectationCounts() {
        if (!run.hasExpectations()) {
            return null;
        }
        long newFailures = run.tests().stream().filter(t -> t.verdict() == Verdict.FAIL && !t.expected()).count();
        long newWarnings = run.tests().stream().filter(t -> t.verdict() == Verdict.WARN && !t.expected()).count();
        return Format.plural(newFailures, "new failure", "new failures")
                + (newWarnings > 0 ? ", " + Format.plural(newWarnings, "new warning", "new warnings") : "")
                + " \u00b7 " + Format.plural(run.expectedFindings(), "known deviation", "known deviations")
                + " \u00b7 " + run.fixedExpectations().size() + " fixed";
    }

    /** A verdict and how often it occurred; {@code id} is the filter's input id. */
    public record Count(Verdict verdict, int n) {

        static List<Count> of(Map<Verdict, Integer> counts, boolean withUntested) {
            List<Count> list = new ArrayList<>();
            for (Verdict v : Verdict.values()) {
                if (v != Verdict.UNTESTED || withUntested) {
                    list.add(new Count(v, counts.getOrDefault(v, 0)));
                }
            }
            return list;
        }
    }

    public record Link(String text, String href, String verdictToken, String title) {
    }

    /**
     * @param known    every test that found this statement failed or warned is listed in the expectations file
     * @param reasons  the file's reasons for those tests, without repeats
     */
    public record StatementRow(StatementResult statement, List<Link> tests, boolean known, List<String> reasons) {

        static StatementRow of(StatementResult s, List<Link> links, List<TestOutcome> checkedBy) {
            List<TestOutcome> findings = checkedBy.stream().filter(TestOutcome::finding).toList();
            boolean known = !findings.isEmpty() && findings.stream().allMatch(TestOutcome::expected);
            List<String> reasons = findings.stream().filter(TestOutcome::expected)
                    .map(t -> t.expectation().reason()).filter(Objects::nonNull).distinct().toList();
            return new StatementRow(s, links, known, reasons);
        }

        public String level() {
            return statement.level() == null ? "\u2014" : statement.level().name();
        }
    }

    public record Group(String title, List<StatementRow> rows) {
    }

    /** @param filtered the run was filtered: its score is no statement about the broker as a whole */
    public record VersionSection(String version, Score score, boolean filtered, List<Count> counts,
                                 List<Group> groups) {

        /** The big figure of the score box. */
        public String headline() {
            if (!score.supported()) {
                return "not supported";
            }
            return filtered ? "filtered" : score.percentText();
        }

        public int statementCount() {
            return groups.stream().mapToInt(g -> g.rows().size()).sum();
        }
    }

    /**
     * @param culpritHref link to the culprit's entry in this page, null when it is not in the page
     * @param culprit     the culprit's key as the suite named it
     * @param inconclusive tests that could not be checked
     */
    public record CascadeView(Cascade cascade, String culpritHref, String culprit, long inconclusive) {
    }
}
