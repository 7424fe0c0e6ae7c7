package dev.mqttkit.report.html;

import dev.mqttkit.contract.Catalogue;
import dev.mqttkit.report.model.Chapters;
import dev.mqttkit.report.model.Score;
import dev.mqttkit.report.model.StatementResult;
import dev.mqttkit.report.model.TargetRun;
import dev.mqttkit.report.model.TestOutcome;
import dev.mqttkit.contract.TranscriptEvent;
import dev.mqttkit.contract.Verdict;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What the target page template shows, precomputed so that the template holds no logic beyond loops. */
public final class TargetPage {

    /** A Java parameter list at the end of a display name segment, e.g. {@code (Harness, ScriptedClient)}. */
    private static final Pattern PARAMETER_LIST =
            Pattern.compile("\\((?:[A-Za-z_$][\\w$.]*(?:<[^>]*>)?(?:\\[])*(?:, )?)*\\)$");
    /** The name of a per-version invocation, e.g. {@code MQTT 3.1.1} or {@code [2] MQTT 3.1}. */
    private static final Pattern VERSION_INVOCATION =
            Pattern.compile("(?:\\[\\d+] )?MQTT v?3\\.1(?:\\.1)?");

    private final TargetRun run;
    private final List<VersionSection> sections = new ArrayList<>();
    private final List<TestView> tests = new ArrayList<>();
    private final List<StatementRow> attention = new ArrayList<>();

    public TargetPage(TargetRun run) {
        this.run = run;
        Map<String, TestOutcome> byAnchor = new HashMap<>();
        run.tests().forEach(t -> byAnchor.put(t.anchor(), t));
        for (String version : run.versions()) {
            sections.add(section(version, byAnchor));
        }
        run.tests().forEach(t -> tests.add(new TestView(t)));
        for (Verdict worst : List.of(Verdict.FAIL, Verdict.WARN)) {
            sections.forEach(sec -> sec.groups().forEach(g -> g.rows().stream()
                    .filter(r -> r.statement().verdict() == worst).forEach(attention::add)));
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
            for (String anchor : s.tests()) {
                TestOutcome t = byAnchor.get(anchor);
                if (t != null) {
                    links.add(new Link(shortName(t.name()), "#" + anchor, t.verdict().token(), t.name()));
                }
            }
            groups.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(new StatementRow(s, links));
            counts.merge(s.verdict(), 1, Integer::sum);
        }
        List<Group> list = new ArrayList<>();
        groups.forEach((g, rows) -> list.add(new Group(groupTitle(version, g), rows)));
        Score score = run.scores().stream().filter(sc -> sc.version().equals(version)).findFirst()
                .orElse(new Score(version, 0, 0, 0));
        return new VersionSection(version, score, Count.of(counts, true), list);
    }

    static String groupTitle(String version, String group) {
        if (group != null && group.startsWith(Chapters.SHARED_GROUP)) {
            return "Shared with 3.1.1 \u2014 "
                    + Chapters.title(Catalogue.V311, group.substring(Chapters.SHARED_GROUP.length()));
        }
        return Chapters.title(version, group);
    }

    /**
     * A test's display path without the Java parameter lists JUnit appends to method names, e.g.
     * {@code ConnectTests › closesConnectionOnSecondConnect › MQTT 3.1}. The full name stays in title attributes.
     */
    static String readableName(String name) {
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
    static String shortName(String name) {
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

    public List<TestView> tests() {
        return tests;
    }

    /** Failed, then warned statements of all versions: what a broker author reads first. */
    public List<StatementRow> attention() {
        return attention;
    }

    public long mustFailures() {
        return run.mustFailures();
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

    public record StatementRow(StatementResult statement, List<Link> tests) {

        public String level() {
            return statement.level() == null ? "\u2014" : statement.level().name();
        }
    }

    public record Group(String title, List<StatementRow> rows) {
    }

    public record VersionSection(String version, Score score, List<Count> counts, List<Group> groups) {
    }

    /** One test with its statement links and transcript rows ready to print. */
    public record TestView(TestOutcome test, List<Link> statements, List<TranscriptRow> transcript) {

        TestView(TestOutcome test) {
            this(test, statementLinks(test), rows(test.transcript()));
        }

        private static List<Link> statementLinks(TestOutcome t) {
            List<Link> links = new ArrayList<>();
            for (String id : t.statements()) {
                String version = t.version() != null && !t.version().isBlank() ? t.version()
                        : id.startsWith("MQTTv3.1") ? Catalogue.V31 : Catalogue.V311;
                links.add(new Link(id, "#" + StatementResult.anchor(version, id), "", id));
            }
            return links;
        }

        private static List<TranscriptRow> rows(List<TranscriptEvent> events) {
            long origin = events.stream().mapToLong(TranscriptEvent::tMicros).min().orElse(0);
            List<TranscriptRow> rows = new ArrayList<>();
            for (TranscriptEvent e : events) {
                rows.add(new TranscriptRow(e, Format.offset(e.tMicros() - origin), Format.dirLabel(e.dir()),
                        Format.hexLines(e.hex()), Format.byteCount(e.hex())));
            }
            return rows;
        }

        public String level() {
            return test.level() == null ? "level unknown" : test.level().name();
        }

        public String name() {
            return readableName(test.name());
        }

        public String duration() {
            return Format.duration(test.durationMillis());
        }

        public boolean hasFailedStep() {
            return test.transcript().stream().anyMatch(TranscriptEvent::failed);
        }
    }

    public record TranscriptRow(TranscriptEvent event, String offset, String direction, List<String> hexLines,
                                int bytes) {

        /** CSS class of the direction: only three known values reach the page as a class name. */
        public String dirClass() {
            return "dir-" + event.dir().token();
        }
    }
}
