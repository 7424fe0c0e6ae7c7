package dev.mqttkit.conformance.calibration;

import dev.mqttkit.conformance.expect.Expectations;
import dev.mqttkit.contract.Cascade;
import dev.mqttkit.contract.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares a run with an audited expectations file exactly: every FAIL, WARN and NOT_APPLICABLE must be listed, and
 * every listed result must occur unless its test was INCONCLUSIVE. A verdict that changes either way, and one that
 * differs between identical runs, shows up as a difference. An inconclusive test confirms and contradicts nothing:
 * it could not check its statements, because the broker broke an exchange on the way (a peer's worker thread dying
 * mid-flow) or stopped answering, or the machine was too busy to keep time. That the suite does not call such tests
 * inconclusive when it should not is what the calibration against the reference broker checks.
 */
public final class ExpectedVerdicts {
    private ExpectedVerdicts() {
    }

    /** What differs between the run and the file; empty when they agree. */
    public static List<String> differences(Expectations expected, List<SuiteRun.Result> results) {
        List<String> out = new ArrayList<>();
        Optional<String> culprit = results.stream().flatMap(r -> r.cascade().stream()).map(Cascade::culprit)
                .findFirst();
        boolean cascadeExpected = culprit.flatMap(expected::cascade).isPresent();
        culprit.filter(c -> !cascadeExpected).ifPresent(c -> out.add("the broker stopped answering after " + c
                + ", which the file does not list"));
        for (Expectations.Entry e : expected.entries()) {
            if (e.cascade() != null && !culprit.map(e.cascade()::equals).orElse(false)) {
                out.add("the file lists " + e.subject() + ", which did not happen (culprit: " + culprit.orElse("none")
                        + ")");
            }
        }
        Map<String, SuiteRun.Result> byKey = results.stream()
                .collect(Collectors.toMap(SuiteRun.Result::key, r -> r, (a, b) -> a));
        for (SuiteRun.Result r : results) {
            if (r.verdict() == Verdict.PASS || r.verdict() == Verdict.INCONCLUSIVE) {
                continue;
            }
            Optional<Expectations.Entry> e = expected.find(r.key(), r.statements(), r.version(), r.verdict());
            // An entry naming the test is compared below, once.
            if (e.isEmpty()) {
                out.add(r.key() + " was " + r.verdict() + ", which the file does not list: " + r.reason());
            }
        }
        for (Expectations.Entry e : expected.entries()) {
            if (e.test() != null) {
                SuiteRun.Result r = byKey.get(e.test());
                if (r == null || (r.verdict() != e.verdict() && r.verdict() != Verdict.INCONCLUSIVE)) {
                    out.add(e.test() + " is listed as " + e.verdict() + " but was "
                            + (r == null ? "not run" : r.verdict() + (r.reason() == null ? "" : ": " + r.reason())));
                }
            } else if (e.statement() != null && results.stream().noneMatch(r -> r.verdict() == e.verdict()
                    && r.statements().contains(e.statement())
                    && (e.version() == null || e.version().equals(r.version())))) {
                out.add(e.subject() + " is listed as " + e.verdict() + " but no test of it was");
            }
        }
        return out;
    }

    /** The results as an expectations file, for a person to audit: every result but PASS by test, reason as found. */
    public static Expectations observed(String target, List<SuiteRun.Result> results) {
        List<Expectations.Entry> entries = new ArrayList<>();
        results.stream().flatMap(r -> r.cascade().stream()).findFirst()
                .ifPresent(c -> entries.add(Expectations.Entry.ofCascade(c.culprit(), "TO AUDIT: " + c.evidence())));
        results.stream().filter(r -> r.verdict() != Verdict.PASS)
                .filter(r -> r.verdict() != Verdict.INCONCLUSIVE || entries.isEmpty())
                .sorted(java.util.Comparator.comparing(SuiteRun.Result::key))
                .forEach(r -> entries.add(Expectations.Entry.ofTest(r.key(), r.verdict(), "TO AUDIT: " + r.reason())));
        return new Expectations(target, entries);
    }
}
