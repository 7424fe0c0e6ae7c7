package dev.mqttkit.report.model;

import dev.mqttkit.contract.Level;
import dev.mqttkit.contract.Verdict;
import dev.mqttkit.contract.PropertyRun;
import dev.mqttkit.contract.TranscriptEvent;

import java.util.List;

/**
 * Everything the report knows about one test (or a failed container) of one target.
 *
 * @param id          JUnit unique id, stable across runs
 * @param anchor      fragment id in the target page, e.g. {@code t-12}
 * @param junitStatus SUCCESSFUL, FAILED, ABORTED, SKIPPED or INTERRUPTED (the run ended while it ran)
 * @param level       the strongest level the test checks, null when neither the test nor the catalogue says
 */
public record TestOutcome(String id, String anchor, String name, String version, List<String> statements,
                          Level level, Verdict verdict, String junitStatus, String reason, String observed,
                          String failure, String scenario, PropertyRun property, List<TranscriptEvent> transcript,
                          long durationMillis) {

    public TestOutcome {
        statements = statements == null ? List.of() : List.copyOf(statements);
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
    }

    /**
     * A failure counts against MUST unless the test says it checks something weaker: a failure nobody classified
     * (a crashed container, a test without entries) is treated as the serious case.
     */
    public boolean countsAsMustFailure() {
        return verdict == Verdict.FAIL && (level == null || level == Level.MUST);
    }
}
