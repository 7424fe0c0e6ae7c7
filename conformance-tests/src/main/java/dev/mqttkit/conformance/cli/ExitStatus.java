package dev.mqttkit.conformance.cli;

import dev.mqttkit.contract.Verdict;
import dev.mqttkit.report.model.TargetRun;
import dev.mqttkit.report.model.TestOutcome;
import java.util.List;
import java.util.Optional;

/**
 * How a run ends for a build: the exit code and the one line that says why. Only what the user has not accepted
 * fails a build: a MUST failure their expectations file does not list, or, with {@code --strict-expectations}, a
 * listed deviation that went away.
 *
 * @param code one of {@link #OK}, {@link #FAILED}, {@link #USAGE}, {@link #UNREACHABLE}, as {@code --help} lists
 *             them
 */
record ExitStatus(int code, String why) {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;

    static ExitStatus of(List<TargetRun> runs, boolean strict) {
        if (runs.isEmpty()) {
            return new ExitStatus(UNREACHABLE, "no conformance test ran");
        }
        if (runs.stream().anyMatch(TargetRun::unreachable)) {
            return new ExitStatus(UNREACHABLE, "the broker could not be tested");
        }
        Optional<TestOutcome> unchecked = runs.stream().filter(ExitStatus::nothingChecked).findFirst()
                .flatMap(r -> r.tests().stream().filter(t -> t.verdict() == Verdict.INCONCLUSIVE).findFirst());
        if (unchecked.isPresent()) {
            return new ExitStatus(UNREACHABLE, "nothing could be checked, every test was inconclusive; the first: "
                    + unchecked.get().reason());
        }
        // Under --strict-expectations the suite fails a fixed deviation's test, and the report counts it as a new
        // failure: it is named for what it is below.
        long unexpected = runs.stream().mapToLong(r -> r.newMustFailures()
                - r.fixedExpectations().stream().filter(TestOutcome::countsAsNewMustFailure).count()).sum();
        if (unexpected > 0) {
            return new ExitStatus(FAILED, unexpected + (unexpected == 1 ? " test" : " tests")
                    + " broke a MUST statement that the expectations file does not list");
        }
        long fixed = runs.stream().mapToLong(r -> r.fixedExpectations().size()).sum();
        if (strict && fixed > 0) {
            return new ExitStatus(FAILED, fixed + " deviation" + (fixed == 1 ? "" : "s")
                    + " listed in the expectations file no longer happen" + (fixed == 1 ? "s" : "")
                    + " (--strict-expectations)");
        }
        long expected = runs.stream().mapToLong(TargetRun::expectedFindings).sum();
        return new ExitStatus(OK, "no unexpected MUST failure"
                + (expected > 0 ? " (" + expected + " known deviations listed in the expectations file)" : ""));
    }

    /**
     * Whether a run reached no verdict about its target: every test was inconclusive or not applicable, as when a
     * client library's driver never starts. Such a run is no evidence of conformance, whatever the expectations say.
     */
    private static boolean nothingChecked(TargetRun run) {
        return run.tests().stream().anyMatch(t -> t.verdict() == Verdict.INCONCLUSIVE)
                && run.tests().stream().allMatch(t -> t.verdict() == Verdict.INCONCLUSIVE
                        || t.verdict() == Verdict.NOT_APPLICABLE);
    }

    /** The last line of the summary. */
    String line() {
        return "Result: " + why + " (exit " + code + ")";
    }
}
