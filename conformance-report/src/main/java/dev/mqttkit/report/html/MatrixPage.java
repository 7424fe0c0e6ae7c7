package dev.mqttkit.report.html;

import dev.mqttkit.contract.Catalogue;
import dev.mqttkit.contract.Statement;
import dev.mqttkit.report.model.Score;
import dev.mqttkit.report.model.StatementResult;
import dev.mqttkit.report.model.TargetRun;
import dev.mqttkit.contract.Verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Statements × targets for every target found in one report folder, in specification order. */
public final class MatrixPage {

    private final List<Column> columns = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final Instant written;

    /** @param targets folder name (relative link) and run of each target, in column order */
    public MatrixPage(Map<String, TargetRun> targets, Catalogue catalogue, Instant written) {
        this.written = written;
        List<Map<String, StatementResult>> perTarget = new ArrayList<>();
        Set<String> versions = new LinkedHashSet<>();
        targets.forEach((dir, run) -> {
            columns.add(new Column(run.target().name(), dir + "/index.html", run));
            Map<String, StatementResult> byKey = new HashMap<>();
            run.statements().forEach(s -> byKey.put(s.version() + " " + s.id(), s));
            perTarget.add(byKey);
            versions.addAll(run.versions());
        });
        List<String> ordered = new ArrayList<>(versions);
        ordered.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        List<String> dirs = new ArrayList<>(targets.keySet());
        for (String version : ordered) {
            sections.add(section(version, catalogue, perTarget, dirs));
        }
    }

    private static int rank(String version) {
        return Catalogue.V311.equals(version) ? 0 : Catalogue.V31.equals(version) ? 1 : 2;
    }

    private static Section section(String version, Catalogue catalogue, List<Map<String, StatementResult>> perTarget,
                                   List<String> dirs) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        catalogue.statements(version).forEach(s -> ids.add(s.id()));
        // Ids the catalogue does not know (or all of them, when it is missing) in specification order.
        List<String> others = new ArrayList<>();
        for (Map<String, StatementResult> target : perTarget) {
            target.values().stream().filter(s -> s.version().equals(version)).map(StatementResult::id)
                    .filter(id -> !ids.contains(id) && !others.contains(id)).forEach(others::add);
        }
        others.sort(MatrixPage::compareIds);
        ids.addAll(others);
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (String id : ids) {
            StatementResult any = null;
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < perTarget.size(); i++) {
                StatementResult s = perTarget.get(i).get(version + " " + id);
                any = any == null ? s : any;
                cells.add(s == null ? new Cell(null, null)
                        : new Cell(s.verdict(), dirs.get(i) + "/index.html#" + s.anchor()));
            }
            Statement known = catalogue.find(id).orElse(null);
            String group = any != null ? any.group() : known == null ? "" : known.group();
            String level = any != null && any.level() != null ? any.level().name()
                    : known != null && known.level() != null ? known.level().name() : "\u2014";
            String paraphrase = any != null && any.paraphrase() != null ? any.paraphrase()
                    : known == null ? null : known.paraphrase();
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new Row(id, level, paraphrase, cells));
        }
        List<Group> list = new ArrayList<>();
        groups.forEach((g, rows) -> list.add(new Group(TargetPage.groupTitle(version, g), rows)));
        return new Section(version, list);
    }

    /** Orders ids like MQTT-3.1.2-10 after MQTT-3.1.2-9: numbers by value, everything else as text. */
    static int compareIds(String a, String b) {
        String[] x = a.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
        String[] y = b.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean numbers = Character.isDigit(x[i].charAt(0)) && Character.isDigit(y[i].charAt(0));
            int c = numbers ? new java.math.BigInteger(x[i]).compareTo(new java.math.BigInteger(y[i]))
                    : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Section> sections() {
        return sections;
    }

    public String written() {
        return Format.date(written);
    }

    public record Column(String name, String href, TargetRun run) {

        public String date() {
            return Format.date(run.started());
        }

        /**
         * The score cell: the percentage, "not supported — what the broker did", or for a filtered run only the
         * counts, since a selection of tests says nothing about the broker as a whole.
         */
        public String score(String version) {
            String refused = run.unsupported().get(version);
            if (refused != null) {
                return "not supported — " + refused;
            }
            for (Score s : run.scores()) {
                if (s.version().equals(version)) {
                    String counts = s.passed() + "/" + s.applicable()
                            + (s.inconclusive() > 0 ? ", " + s.inconclusive() + " inconclusive" : "");
                    return run.filtered() ? "filtered, no score (" + counts + ")"
                            : s.percentText() + " (" + counts + ")" + (run.cascade() != null ? " incomplete" : "");
                }
            }
            return "not tested";
        }

        /** Short notes on how far the run can be trusted, each a badge: partial, stopped answering, filtered. */
        public List<Note> notes() {
            List<Note> notes = new ArrayList<>();
            if (run.partial()) {
                notes.add(new Note("partial", "warn", "the run had not finished"));
            }
            if (run.error() != null) {
                notes.add(new Note("unreachable", "fail", run.error()));
            }
            if (run.cascade() != null) {
                notes.add(new Note("stopped answering", "inconclusive",
                        "the broker stopped answering after " + run.cascade().culprit()));
            }
            run.unsupported().forEach((version, refused) -> notes.add(
                    new Note(version + " not supported", "not_supported", refused)));
            if (run.filtered()) {
                notes.add(new Note("filtered", "none", "only " + run.filter()));
            }
            return notes;
        }
    }

    /** @param token the verdict token whose colours the badge borrows */
    public record Note(String text, String token, String title) {
    }

    /** Verdict of one target for one statement; {@code verdict} null means the target did not test this version. */
    public record Cell(Verdict verdict, String href) {

        public String label() {
            return verdict == null ? "\u2014" : verdict.label();
        }

        public String token() {
            return verdict == null ? "none" : verdict.token();
        }
    }

    public record Row(String id, String level, String paraphrase, List<Cell> cells) {

        /** Classes the filters select on: tested anywhere, verdicts differ between targets, failing anywhere. */
        public String classes() {
            Set<Verdict> seen = new LinkedHashSet<>();
            cells.forEach(c -> seen.add(c.verdict()));
            boolean tested = cells.stream().anyMatch(c -> c.verdict() != null && c.verdict() != Verdict.UNTESTED
                    && c.verdict() != Verdict.NOT_SUPPORTED);
            StringBuilder css = new StringBuilder("row");
            if (tested) {
                css.append(" tested");
            }
            if (seen.size() > 1) {
                css.append(" differs");
            }
            if (seen.contains(Verdict.FAIL)) {
                css.append(" failing");
            }
            return css.toString();
        }
    }

    public record Group(String title, List<Row> rows) {
    }

    public record Section(String version, List<Group> groups) {
    }
}
