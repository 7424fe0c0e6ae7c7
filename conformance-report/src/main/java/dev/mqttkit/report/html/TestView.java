package dev.mqttkit.report.html;

import dev.mqttkit.contract.Catalogue;
import dev.mqttkit.contract.TranscriptEvent;
import dev.mqttkit.report.model.StatementResult;
import dev.mqttkit.report.model.TestOutcome;

import java.util.ArrayList;
import java.util.List;

/** One test of the target page with its statement links and transcript rows ready to print. */
public record TestView(TestOutcome test, List<TargetPage.Link> statements, List<TranscriptRow> transcript) {

    TestView(TestOutcome test) {
        this(test, statementLinks(test), rows(test.transcript()));
    }

    private static List<TargetPage.Link> statementLinks(TestOutcome t) {
        List<TargetPage.Link> links = new ArrayList<>();
        for (String id : t.statements()) {
            String version = t.version() != null && !t.version().isBlank() ? t.version()
                    : id.startsWith("MQTTv3.1") ? Catalogue.V31 : Catalogue.V311;
            links.add(new TargetPage.Link(id, "#" + StatementResult.anchor(version, id), "", id));
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
        return TestNames.readableName(test.name());
    }

    public String duration() {
        return Format.duration(test.durationMillis());
    }

    public boolean hasFailedStep() {
        return test.transcript().stream().anyMatch(TranscriptEvent::failed);
    }

    /**
     * What the user's expectations file says, in the words a reader needs: why the deviation is known, or that
     * its line can go. Null when the file says nothing about this test.
     */
    public String expectationNote() {
        if (test.expectation() == null) {
            return null;
        }
        String reason = test.expectation().reason() == null ? "no reason given" : test.expectation().reason();
        if (test.fixed()) {
            return "Listed in the expectations file as " + test.expectation().expected().label()
                    + " (" + reason + "), but the result is now " + test.verdict().label()
                    + ": fixed \u2014 remove it from the expectations file.";
        }
        String listed = test.expectation().expected() == test.verdict() ? ""
                : " (listed as " + test.expectation().expected().label() + ")";
        return "Known deviation" + listed + ", listed in the expectations file: " + reason;
    }

    /** One transcript step; {@link #dirClass} is the only part that reaches the page as a class name. */
    public record TranscriptRow(TranscriptEvent event, String offset, String direction, List<String> hexLines,
                                int bytes) {

        public String dirClass() {
            return "dir-" + event.dir().token();
        }
    }
}
