package dev.mqttkit.report;

import dev.mqttkit.contract.Verdict;
import dev.mqttkit.report.fakes.cascade.CascadeChecks;
import dev.mqttkit.report.model.Score;
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
import static dev.mqttkit.report.ConformanceReportListenerTests.statement;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broker that stopped answering after one test and refused MQTT 3.1: told once, its later tests neither passed
 * nor failed, and MQTT 3.1 one finding instead of a column of failures.
 */
class CascadeReportTests {

    @TempDir
    static Path dir;
    static TargetRun run;
    static Document page;

    @BeforeAll
    static void render() throws IOException {
        run = only(new FakeRuns(dir).run("cascade"));
        page = Jsoup.parse(dir.resolve("stalling-broker/index.html").toFile());
    }

    @Test
    void runCarriesTheCascadeOnceAndMarksItsCulprit() {
        assertThat(run.cascade().culprit()).isEqualTo(CascadeChecks.CULPRIT);
        assertThat(run.cascade().evidence()).isEqualTo(CascadeChecks.EVIDENCE);
        assertThat(run.tests()).filteredOn(TestOutcome::culprit).singleElement()
                .satisfies(t -> assertThat(t.testKey()).isEqualTo(CascadeChecks.CULPRIT));
        assertThat(run.inconclusiveTests()).isEqualTo(3);
    }

    @Test
    void theTestThatNoticedTheStopKeepsItsOwnVerdictOverItsJUnitFailure() throws IOException {
        TargetRun noticed = only(new FakeRuns(dir.resolve("noticed")).run("noticed"));

        assertThat(noticed.tests()).singleElement().satisfies(t -> {
            assertThat(t.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(t.junitStatus()).isEqualTo("FAILED");
            assertThat(t.culprit()).isTrue();
        });
    }

    @Test
    void testsKeepTheSuitesKey() {
        Map<String, TestOutcome> tests = byShortName(run);
        assertThat(tests.get("acceptsConnect(TestReporter)").testKey())
                .isEqualTo("CascadeChecks#acceptsConnect [3.1.1]");
        assertThat(tests.get("acceptsConnect(TestReporter)").key()).isEqualTo("CascadeChecks#acceptsConnect [3.1.1]");
    }

    @Test
    void aFindingOutlivesTheCascadeButAPassDoesNot() {
        // MQTT-3.1.2-24: WARN, then a test that could not check it. MQTT-3.1.0-1: PASS, then the same.
        assertThat(statement(run, "3.1.1", "MQTT-3.1.2-24").verdict()).isEqualTo(Verdict.WARN);
        assertThat(statement(run, "3.1.1", "MQTT-3.1.0-1").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(statement(run, "3.1.1", "MQTT-3.10.4-4").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(statement(run, "3.1.1", "MQTT-3.3.1-1").verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void inconclusiveStatementsAreLeftOutOfTheScoreAndCountedApart() {
        Score score = score("3.1.1");
        assertThat(score.applicable()).isEqualTo(2);
        assertThat(score.passed()).isEqualTo(1);
        assertThat(score.inconclusive()).isEqualTo(3);
        assertThat(score.percentText()).isEqualTo("50.0%");
    }

    @Test
    void aRefusedVersionIsNotSupportedNotFailed() {
        assertThat(run.unsupported()).containsEntry("3.1", CascadeChecks.REFUSED);
        Score score = score("3.1");
        assertThat(score.notSupported()).isEqualTo(CascadeChecks.REFUSED);
        assertThat(score.percentText()).isEqualTo("not supported");
        assertThat(run.statements()).filteredOn(s -> s.version().equals("3.1"))
                .isNotEmpty().allSatisfy(s -> assertThat(s.verdict()).isEqualTo(Verdict.NOT_SUPPORTED));
        assertThat(run.mustFailures()).isEqualTo(1);
    }

    @Test
    void pageTellsTheCascadeOnceAtTheTopWithALinkToTheCulpritsTranscript() {
        Element banner = page.getElementById("cascade");
        assertThat(page.select(".banner.cascade")).hasSize(1);
        assertThat(banner.text()).contains("The broker stopped answering after " + CascadeChecks.CULPRIT,
                CascadeChecks.EVIDENCE, "3 later tests could not be checked");
        Element culprit = page.getElementById(banner.selectFirst("a.culprit-link").attr("href").substring(1));
        assertThat(culprit.select("summary .name").text()).contains("floodsTheBroker");
        assertThat(culprit.select("table.transcript tr.failed")).hasSize(1);
        assertThat(culprit.select(".tag-culprit").text()).contains("stopped answering after this test");
    }

    @Test
    void inconclusiveTestsAreCollapsedAfterTheFindings() {
        Element bucket = page.getElementById("inconclusive-tests");
        assertThat(bucket.tagName()).isEqualTo("details");
        assertThat(bucket.hasAttr("open")).isFalse();
        assertThat(bucket.select("details.test")).hasSize(3)
                .allSatisfy(d -> assertThat(d.hasClass("v-inconclusive")).isTrue());
        assertThat(page.select("#tests > details.test")).extracting(d -> d.className())
                .noneMatch(c -> c.contains("v-inconclusive") || c.contains("v-not_supported"));
        assertThat(page.select("#tests > details.test").first().hasClass("v-fail")).isTrue();
        assertThat(page.getElementById("not-supported-tests").select("details.test")).hasSize(1);
    }

    @Test
    void scoresSayWhatCouldNotBeCheckedAndThatTheyAreIncomplete() {
        assertThat(page.select("[id=score-3.1.1]").text()).contains("1 of 2 applicable MUST statements passed",
                "3 could not be checked", "Incomplete");
        assertThat(page.select("[id=score-3.1]").text())
                .contains("MQTT 3.1: not supported \u2014 " + CascadeChecks.REFUSED);
        assertThat(page.select("[id=statements-3.1] h2").text()).contains("not supported");
        assertThat(page.select("[id=statements-3.1] details.bucket tr.row.v-not_supported")).isNotEmpty();
    }

    @Test
    void newVerdictsHaveTheirOwnCountsFiltersAndStyles() {
        assertThat(page.select("#count-inconclusive").text()).isEqualTo("Inconclusive 3");
        assertThat(page.select("#count-not_supported").text()).isEqualTo("Not supported 1");
        assertThat(page.select("nav.filter label[for=f-inconclusive]").text()).isEqualTo("Inconclusive");
        assertThat(page.select("nav.filter label[for=f-not_supported]").text()).isEqualTo("Not supported");
        String css = page.select("style").html();
        assertThat(css).contains("#f-inconclusive:checked~main .row:not(.v-inconclusive)",
                "#f-not_supported:checked~main .row:not(.v-not_supported)", ".b-inconclusive{", ".b-not_supported{");
    }

    @Test
    void theAttentionListHoldsFindingsOnly() {
        assertThat(page.select("#attention tr.row td.id").eachText())
                .containsExactly("MQTT-3.3.1-1", "MQTT-3.1.2-24");
    }

    private static Score score(String version) {
        return run.scores().stream().filter(s -> s.version().equals(version)).findFirst().orElseThrow();
    }
}
