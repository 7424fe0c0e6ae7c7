package dev.mqttkit.report.model;

import dev.mqttkit.contract.Expectation;
import dev.mqttkit.contract.Level;
import dev.mqttkit.contract.PropertyRun;
import dev.mqttkit.contract.TranscriptEvent;
import dev.mqttkit.contract.Verdict;

import java.util.List;

/**
 * Everything the report knows about one test (or a failed container) of one target.
 *
 * @param id          JUnit unique id, stable across runs
 * @param testKey     the suite's stable key, e.g. {@code ConnectTests#closesConnectionOnSecondConnect [3.1.1]}; null
 *                    for tests that did not publish one (a failed container, an older suite)
 * @param anchor      fragment id in the target page, e.g. {@code t-12}
 * @param junitStatus SUCCESSFUL, FAILED, ABORTED, SKIPPED or INTERRUPTED (the run ended while it ran)
 * @param level       the strongest level the test checks, null when neither the test nor the catalogue says
 * @param expectation what the user's expectations file says about this result, null when it says nothing
 * @param culprit     the broker stopped answering after this test: the run's {@link TargetRun#cascade()} names it
 */
public record TestOutcome(String id, String testKey, String anchor, String name, String version,
                          List<String> statements, Level level, Verdict verdict, String junitStatus, String reason,
                          String observed, String failure, String scenario, PropertyRun property,
                          List<TranscriptEvent> transcript, long durationMillis, Expectation expectation,
                          boolean culprit) {

    public TestOutcome {
        statements = statements == null ? List.of() : List.copyOf(statements);
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
    }

    /** The same test at another place in the page. */
    public TestOutcome withAnchor(String newAnchor) {
        return new TestOutcome(id, testKey, newAnchor, name, version, statements, level, verdict, junitStatus,
                reason, observed, failure, scenario, property, transcript, durationMillis, expectation, culprit);
    }

    /** The same test, named as the one after which the broker stopped answering. */
    public TestOutcome asCulprit() {
        return new TestOutcome(id, testKey, anchor, name, version, statements, level, verdict, junitStatus,
                reason, observed, failure, scenario, property, transcript, durationMillis, expectation, true);
    }

    /** The key people and tools refer to the test by: the suite's key, else JUnit's display path. */
    public String key() {
        return testKey != null ? testKey : name;
    }

    /**
     * A failure counts against MUST unless the test says it checks something weaker: a failure nobody classified
     * (a crashed container, a test without entries) is treated as the serious case.
     */
    public boolean countsAsMustFailure() {
        return verdict == Verdict.FAIL && (level == null || level == Level.MUST);
    }

    /** A MUST failure the user's expectations file does not list: what fails their build. */
    public boolean countsAsNewMustFailure() {
        return countsAsMustFailure() && !expected();
    }

    /** A FAIL or WARN: something the broker does that the specification does not want. */
    public boolean finding() {
        return verdict == Verdict.FAIL || verdict == Verdict.WARN;
    }

    /** The expectations file lists this result as a known deviation. */
    public boolean expected() {
        return expectation != null && expectation.status() == Expectation.Status.EXPECTED;
    }

    /** The expectations file lists a deviation that did not happen: its line can be removed. */
    public boolean fixed() {
        return expectation != null && expectation.status() == Expectation.Status.FIXED;
    }
}
