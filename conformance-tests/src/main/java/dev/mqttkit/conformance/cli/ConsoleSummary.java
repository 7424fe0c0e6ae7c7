package dev.mqttkit.conformance.cli;

import dev.mqttkit.contract.Verdict;
import dev.mqttkit.report.ReportWriter;
import dev.mqttkit.report.model.Score;
import dev.mqttkit.report.model.StatementResult;
import dev.mqttkit.report.model.TargetRun;
import dev.mqttkit.report.model.TestOutcome;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The lines a person reads after a run, per target: the counts, the score per protocol version (none for a filtered
 * run), the FAIL and WARN statements with their paraphrase, known deviations counted apart, fixed ones named, and
 * where the page is; last the result and the exit code. A target that could not be reached gets no lines here: the
 * report has already said why, once, and where that attempt is described. {@code --quiet} keeps the last lines only.
 */
final class ConsoleSummary {
    private static final int MAX_LISTED = 30;
    private static final int PARAPHRASE_CHARACTERS = 80;

    private final PrintStream out;
    private final boolean quiet;

    ConsoleSummary(PrintStream out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    void print(SuiteRun.Outcome outcome, Path reportDir, ExitStatus status) {
        if (outcome.targets().isEmpty()) {
            out.printf(Locale.ROOT, "No conformance test ran (%d tests found).%n",
                    outcome.junit().getTestsFoundCount());
            outcome.junit().getFailures().stream().limit(MAX_LISTED).forEach(f ->
                    out.println("  " + f.getTestIdentifier().getDisplayName() + ": " + f.getException()));
        }
        boolean reached = false;
        for (TargetRun run : outcome.targets()) {
            if (run.unreachable()) {
                continue;
            }
            reached = true;
            if (!quiet) {
                details(run);
            }
            out.println((quiet ? "" : "  ") + "report: " + absolute(ReportWriter.pageOf(reportDir, run)));
        }
        if (reached && !quiet) {
            out.println("All targets: " + absolute(reportDir.resolve("index.html")));
        }
        if (reached || outcome.targets().isEmpty()) {
            out.println(status.line());
        }
        out.flush();
    }

    private void details(TargetRun run) {
        out.println();
        out.println("Target " + run.target().name() + describe(run));
        out.println("  " + run.tests().size() + " tests: " + run.testCounts().entrySet().stream()
                .filter(e -> e.getValue() > 0).map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", ")));
        if (run.filtered()) {
            out.println("  filtered run (" + run.filter() + "): only the selected tests ran, so no overall score");
        }
        for (Score s : run.scores()) {
            if (!s.supported()) {
                out.println("  MQTT " + s.version() + ": not supported (the broker " + s.notSupported() + ")");
            } else if (!run.filtered()) {
                out.printf(Locale.ROOT, "  MQTT %s: %s of applicable MUST statements passed (%d/%d)%s%n",
                        s.version(), s.percentText(), s.passed(), s.applicable(),
                        s.inconclusive() > 0 ? ", " + s.inconclusive() + " inconclusive" : "");
            }
        }
        statements(run, Verdict.FAIL);
        statements(run, Verdict.WARN);
        if (run.expectedFindings() > 0) {
            out.println("  known deviations: " + run.expectedFindings() + " FAIL/WARN results are listed in the "
                    + "expectations file and do not fail the run");
        }
        for (TestOutcome t : run.fixedExpectations()) {
            out.println("  fixed: " + t.key() + " passes, but the expectations file lists it as "
                    + t.expectation().expected().label().toUpperCase(Locale.ROOT) + " ("
                    + oneLine(t.expectation().reason(), PARAPHRASE_CHARACTERS) + "): remove that entry");
        }
        if (run.cascade() != null) {
            out.println("  the broker stopped answering after " + run.cascade().culprit() + " ("
                    + run.cascade().evidence() + "); " + run.inconclusiveTests() + " tests after it are inconclusive");
        }
    }

    /** "FAIL MQTT-3.1.0-2 [3.1.1] paraphrase", one line per statement, expected ones marked. */
    private void statements(TargetRun run, Verdict verdict) {
        Map<String, TestOutcome> byAnchor = run.tests().stream()
                .collect(Collectors.toMap(TestOutcome::anchor, t -> t, (a, b) -> a));
        List<StatementResult> found = run.statements().stream().filter(s -> s.verdict() == verdict).toList();
        for (StatementResult s : found.subList(0, Math.min(found.size(), MAX_LISTED))) {
            boolean expected = s.tests().stream().map(byAnchor::get)
                    .filter(t -> t != null && t.verdict() == verdict).allMatch(TestOutcome::expected);
            out.println("  " + verdict.label().toUpperCase(Locale.ROOT) + " " + s.id() + " [" + s.version() + "] "
                    + oneLine(s.paraphrase(), PARAPHRASE_CHARACTERS) + (expected ? " (expected)" : ""));
        }
        if (found.size() > MAX_LISTED) {
            out.println("  \u2026 and " + (found.size() - MAX_LISTED) + " more " + verdict.label() + " statements in "
                    + "the report");
        }
    }

    private static String describe(TargetRun run) {
        String broker = run.target().broker();
        String where = run.target().description();
        String text = broker != null && where != null ? broker + ", " + where : broker != null ? broker : where;
        return text == null ? "" : ": " + text;
    }

    private static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > max ? line.substring(0, max) + "\u2026" : line;
    }

    private static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
