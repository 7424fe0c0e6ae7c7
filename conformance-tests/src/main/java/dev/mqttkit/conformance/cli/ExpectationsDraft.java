package dev.mqttkit.conformance.cli;

import dev.mqttkit.conformance.expect.Expectations;
import dev.mqttkit.report.model.TargetRun;
import dev.mqttkit.report.model.TestOutcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An expectations file written from a run ({@code --write-expectations}), so a broker project adopts the suite in
 * one step: every FAIL and WARN the run observed, by test, and the broker stopping to answer if it did. A reason the
 * file already gave is kept; a new entry gets a placeholder that says the user still has to explain it, because an
 * entry is a decision someone should be able to defend, not a way to silence a test.
 */
final class ExpectationsDraft {
    private ExpectationsDraft() {
    }

    static String placeholder(LocalDate observed) {
        return "observed on " + observed + "; explain why this is acceptable";
    }

    /** The entries for the targets that were reached; the target named after the first of them. */
    static Expectations of(List<TargetRun> runs, LocalDate observed) {
        List<Expectations.Entry> entries = new ArrayList<>();
        String target = null;
        for (TargetRun run : runs) {
            if (run.unreachable()) {
                continue;
            }
            if (target == null) {
                target = run.target().broker() != null ? run.target().broker() : run.target().name();
            }
            for (TestOutcome t : run.tests()) {
                if (t.finding()) {
                    String reason = t.expected() ? t.expectation().reason() : placeholder(observed);
                    entries.add(Expectations.Entry.ofTest(t.key(), t.verdict(), reason));
                }
            }
            if (run.cascade() != null) {
                entries.add(Expectations.Entry.ofCascade(run.cascade().culprit(), placeholder(observed)
                        + " (" + run.cascade().evidence() + ")"));
            }
        }
        return new Expectations(target, entries);
    }
}
