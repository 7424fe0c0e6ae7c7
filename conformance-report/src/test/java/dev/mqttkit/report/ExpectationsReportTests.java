package dev.mqttkit.report;

import dev.mqttkit.report.fakes.expected.ExpectedChecks;
import dev.mqttkit.report.model.TargetRun;
import dev.mqttkit.report.model.TestOutcome;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static dev.mqttkit.report.ConformanceReportListenerTests.byShortName;
import static dev.mqttkit.report.ConformanceReportListenerTests.only;
import static org.assertj.core.api.Assertions.assertThat;

/** Results compared with the user's expectations file: new findings apart from known deviations, fixed ones flagged. */
class ExpectationsReportTests {

    @TempDir
    static Path dir;
    static TargetRun run;
    static Document page;

    @BeforeAll
    static void render() throws IOException {
        run = only(new FakeRuns(dir).run("expected"));
        page = Jsoup.parse(dir.resolve("known-broker/index.html").toFile());
    }

    @Test
    void onlyUnlistedMustFailuresCountAsNew() {
        assertThat(run.mustFailures()).isEqualTo(2);
        assertThat(run.newMustFailures()).isEqualTo(1);
        assertThat(run.expectedFindings()).isEqualTo(2);
        assertThat(run.fixedExpectations()).extracting(TestOutcome::testKey)
                .containsExactly("ExpectedChecks#keepsRetainedQos0 [3.1.1]");
        Map<String, TestOutcome> tests = byShortName(run);
        assertThat(tests.get("rejectsSecondConnect(TestReporter)").expectation().reason())
                .isEqualTo(ExpectedChecks.KNOWN_FAIL);
    }

    @Test
    void newFailuresComeBeforeExpectedOnesOfTheSameVerdict() {
        assertThat(run.tests().get(0).testKey()).isEqualTo("ExpectedChecks#closesOnInvalidWillQos [3.1.1]");
        assertThat(run.tests().get(1).testKey()).isEqualTo("ExpectedChecks#rejectsSecondConnect [3.1.1]");
    }

    @Test
    void headerCountsNewFailuresAgainstKnownDeviations() {
        assertThat(page.select("#expectation-counts").text())
                .isEqualTo("1 new failure, 1 new warning \u00b7 2 known deviations \u00b7 1 fixed");
    }

    @Test
    void knownDeviationsAreListedApartFromNewFindingsWithTheFilesReason() {
        assertThat(page.select("#attention tr.row td.id").eachText())
                .containsExactly("MQTT-3.1.2-14", "MQTT-3.8.4-1");
        assertThat(page.select("#known-deviations tr.row td.id").eachText())
                .containsExactly("MQTT-3.1.0-2", "MQTT-3.1.2-24");
        assertThat(page.select("#known-deviations .known-reason").eachText())
                .containsExactly("Known: " + ExpectedChecks.KNOWN_FAIL, "Known: " + ExpectedChecks.KNOWN_WARN);
    }

    @Test
    void fixedDeviationsSayToRemoveThemFromTheFile() {
        Element fixed = page.getElementById("fixed");
        assertThat(fixed.select("li")).singleElement().satisfies(li -> assertThat(li.text())
                .contains("ExpectedChecks#keepsRetainedQos0 [3.1.1]", "remove it from the expectations file",
                        ExpectedChecks.GONE));
        Element test = page.getElementById(fixed.selectFirst("li a").attr("href").substring(1));
        assertThat(test.select(".tag-fixed").text()).isEqualTo("fixed \u2014 remove from the expectations file");
    }

    @Test
    void testEntriesSayWhetherTheyAreKnownAndShowTheirKey() {
        Element known = page.select("details.test.expected").stream()
                .filter(d -> d.text().contains("rejectsSecondConnect")).findFirst().orElseThrow();
        assertThat(known.select(".tag-known").text()).isEqualTo("known deviation");
        assertThat(known.select("p.expectation").text()).contains(ExpectedChecks.KNOWN_FAIL);
        assertThat(known.select("dd.test-key").text()).isEqualTo("ExpectedChecks#rejectsSecondConnect [3.1.1]");
        Element unlisted = page.select("details.test").stream()
                .filter(d -> d.text().contains("closesOnInvalidWillQos")).findFirst().orElseThrow();
        assertThat(unlisted.select(".tag-known, p.expectation")).isEmpty();
    }

    @Test
    void aRunWithoutExpectationsShowsNoExpectationCounts() throws IOException {
        new FakeRuns(dir).run("mixed");
        Document mixed = Jsoup.parse(dir.resolve("fake-broker/index.html").toFile());
        assertThat(mixed.select("#expectation-counts, #known-deviations, #fixed")).isEmpty();
        assertThat(mixed.select("#attention h2").text()).startsWith("Needs attention");
    }
}
