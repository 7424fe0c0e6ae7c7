package dev.mqttkit.conformance.cli;

import dev.mqttkit.report.ReportWriter;
import dev.mqttkit.report.model.Score;
import dev.mqttkit.report.model.TargetRun;
import dev.mqttkit.report.model.TestOutcome;
import dev.mqttkit.contract.Verdict;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The few lines a person at a terminal needs after a run: per target the counts, scores and where the page is. */
final class ConsoleSummary {

    private static final int MAX_LISTED_FAILURES = 20;

    private final PrintStream out;

    ConsoleSummary(PrintStream out) {
        this.out = out;
    }

    void print(SuiteRun.Outcome outcome, Path reportDir) {
        out.println();
        if (outcome.targets().isEmpty()) {
            out.printf(Locale.ROOT, "No conformance test ran (%d tests found). Check --package and --only.%n",
                    outcome.junit().getTestsFoundCount());
            outcome.junit().getFailures().stream().limit(MAX_LISTED_FAILURES).forEach(f ->
                    out.println("  " + f.getTestIdentifier().getDisplayName() + ": " + f.getException()));
            return;
        }
        for (TargetRun run : outcome.targets()) {
            out.println("Target " + run.target().name()
                    + (run.target().broker() != null ? " (" + run.target().broker() + ")" : ""));
            if (run.error() != null) {
                out.println("  broker could not be reached: " + run.error());
            }
            StringBuilder counts = new StringBuilder("  tests: " + run.tests().size());
            for (Map.Entry<Verdict, Integer> e : run.testCounts().entrySet()) {
                counts.append(", ").append(e.getValue()).append(' ').append(e.getKey().label());
            }
            out.println(counts);
            for (Score s : run.scores()) {
                out.printf(Locale.ROOT, "  MQTT %s: %s of applicable MUST statements passed (%d/%d)%n",
                        s.version(), s.percentText(), s.passed(), s.applicable());
            }
            run.tests().stream().filter(TestOutcome::countsAsMustFailure).limit(MAX_LISTED_FAILURES)
                    .forEach(t -> out.println("  MUST failed: " + t.name() + " " + t.statements()
                            + (t.reason() != null ? " \u2014 " + oneLine(t.reason()) : "")));
            out.println("  report: " + reportDir.resolve(ReportWriter.folderName(run.target().name()))
                    .resolve("index.html").toAbsolutePath().normalize());
        }
        out.println("All targets: " + reportDir.resolve("index.html").toAbsolutePath().normalize());
    }

    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 160 ? line.substring(0, 160) + "\u2026" : line;
    }
}
