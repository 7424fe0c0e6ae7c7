package dev.mqttkit.report.model;

import java.util.List;

/** One recorded step on the wire, as published in {@code mqttkit.transcript}. */
public record TranscriptEvent(String conn, long seq, String dir, long tMicros, String hex, String summary,
                              List<String> violations, boolean failed) {

    public TranscriptEvent {
        violations = violations == null ? List.of() : List.copyOf(violations);
        hex = hex == null ? "" : hex;
        summary = summary == null ? "" : summary;
        dir = dir == null ? "event" : dir;
    }
}
