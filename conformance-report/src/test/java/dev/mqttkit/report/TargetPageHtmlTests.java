package dev.mqttkit.report;

import dev.mqttkit.contract.Verdict;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Structure of the target page of the mixed fake run, parsed the way a browser would. */
class TargetPageHtmlTests {

    @TempDir
    static Path dir;
    static Document page;

    @BeforeAll
    static void render() throws IOException {
        new FakeRuns(dir).run("mixed");
        page = Jsoup.parse(dir.resolve("fake-broker/index.html").toFile());
    }

    @Test
    void summaryShowsTargetBrokerCountsAndScores() {
        assertThat(page.select("#target-name").text()).isEqualTo("fake-broker");
        assertThat(page.select("#broker").text()).isEqualTo("FakeMQ 1.0 <b>beta</b>");
        assertThat(page.select("#count-fail").text()).isEqualTo("Fail 3");
        assertThat(page.select("#count-warn").text()).isEqualTo("Warn 1");
        assertThat(page.select("#count-pass").text()).isEqualTo("Pass 3");
        assertThat(page.select("#count-not_applicable").text()).isEqualTo("N/A 1");
        assertThat(page.select("[id=score-3.1.1] .pct").text()).isEqualTo("50.0%");
        assertThat(page.select("[id=score-3.1] .pct").text()).isEqualTo("100.0%");
        assertThat(page.select("#summary").text()).contains("tcp://127.0.0.1:1883", "3.1.1, 3.1");
    }

    @Test
    void statementRowsCarryVerdictAndLinkToTheirTests() {
        Element row = page.getElementById("s-3.1.1-MQTT-3.1.0-1");
        assertThat(row).isNotNull();
        assertThat(row.hasClass("v-fail")).isTrue();
        assertThat(row.select("td.level").text()).isEqualTo("MUST");
        assertThat(row.text()).contains("first packet the client sends");
        for (Element link : row.select("td.tests a")) {
            assertThat(page.getElementById(link.attr("href").substring(1))).isNotNull();
        }
        assertThat(row.select("td.tests a")).hasSize(2);
        assertThat(page.select("tr.row.v-untested")).hasSizeGreaterThan(100);
    }

    @Test
    void failedAndWarnedStatementsAreListedBeforeTheFullTable() {
        Elements rows = page.select("#attention tr.row");
        assertThat(rows.eachAttr("class")).containsExactly("row v-fail", "row v-fail", "row v-fail", "row v-warn");
        assertThat(rows.select("td.id").eachText())
                .containsExactly("MQTT-3.1.0-1", "MQTT-3.1.0-2", "MQTT-3.3.2-1", "MQTT-3.1.2-24");
        assertThat(page.getElementById(rows.first().select("td.id a").attr("href").substring(1))).isNotNull();
    }

    @Test
    void failingStatementsComeFirstInTheirChapter() {
        Elements rows = page.select("[id=statements-3.1.1] section.group").get(2).select("tr.row");
        assertThat(rows.first().hasClass("v-fail")).isTrue();
        assertThat(rows.last().hasClass("v-untested")).isTrue();
    }

    @Test
    void capturedTextIsEscapedNotInterpreted() {
        assertThat(page.select("script")).hasSize(1);
        assertThat(page.select("script").first().data()).doesNotContain("alert");
        assertThat(page.select("b")).isEmpty();
        assertThat(page.select("details.test p.reason").eachText())
                .contains("broker said <script>alert('x')</script> & left");
        assertThat(page.select("pre.counterexample").text()).isEqualTo("PUBLISH (d0, q1, r0, m1, '</pre>x')");
    }

    @Test
    void transcriptShowsDirectionTimeSummaryAndHexWithTheFailingStepMarked() {
        Element test = testNamed("rejectsSecondConnect");
        Elements steps = test.select("table.transcript tbody tr");
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0).select("td.dir").text()).contains("sent");
        assertThat(steps.get(1).select("td.dir").text()).contains("received");
        assertThat(steps.get(0).select("td.t").text()).isEqualTo("+0.000 ms");
        assertThat(steps.get(1).select("td.t").text()).isEqualTo("+2.500 ms");
        assertThat(steps.get(1).hasClass("failed")).isTrue();
        assertThat(steps.get(1).select(".failmark").text()).contains("failed here");
        assertThat(steps.get(1).select(".violation").text()).isEqualTo("MQTT-3.1.0-2: second CONNECT <accepted>");
        assertThat(steps.get(0).select("details.hex summary").text()).isEqualTo("hex \u00b7 16 bytes");
        assertThat(steps.get(0).select("details.hex pre").text()).startsWith("10 0e 00 04 4d 51 54 54");
        assertThat(steps.get(2).select("details.hex")).isEmpty();
        assertThat(test.select(".reason").text()).contains("<script>");
    }

    @Test
    void propertyTestsShowSeedAndCounterexampleAndScriptedTestsTheirScript() {
        Element property = testNamed("roundTripsAnyPublish");
        assertThat(property.select("dl.property").text()).contains("424242", "200");
        Element scripted = testNamed("followsScenario");
        assertThat(scripted.select("details.script pre").text()).contains("expect CONNACK 0", "# <not a tag>");
    }

    @Test
    void testsAreListedFailuresFirstAndCanBeFilteredWithoutAServer() {
        Elements tests = page.select("details.test");
        assertThat(tests).hasSize(8);
        assertThat(tests.first().hasClass("v-fail")).isTrue();
        assertThat(tests.last().hasClass("v-not_applicable")).isTrue();
        // One per verdict, and "all".
        assertThat(page.select("input.f[type=radio]")).hasSize(Verdict.values().length + 1);
        assertThat(page.select("nav.filter label[for=f-fail]")).hasSize(1);
        assertThat(page.select("style").html()).contains("#f-fail:checked~main .row:not(.v-fail)");
    }

    @Test
    void testNamesLeaveOutParameterListsButKeepThemInTheTitle() {
        Element name = testNamed("rejectsSecondConnect").selectFirst("summary .name");
        assertThat(name.attr("title")).isEqualTo("MixedResultsChecks \u203a rejectsSecondConnect(TestReporter)");
        assertThat(page.getElementById("s-3.1.1-MQTT-3.1.0-2").select("td.tests a").text())
                .isEqualTo("rejectsSecondConnect");
    }

    @Test
    void pageIsSelfContained() {
        assertThat(page.select("link, img, iframe, script[src], [src]")).isEmpty();
        assertThat(page.select("a[href]").eachAttr("href"))
                .allMatch(href -> href.startsWith("#") || href.equals("../index.html"));
        assertThat(page.select("style").html()).contains("@media print");
    }

    private static Element testNamed(String method) {
        return page.select("details.test").stream()
                .filter(d -> d.select("summary .name").text().equals("MixedResultsChecks \u203a " + method))
                .findFirst().orElseThrow(() -> new AssertionError("no test " + method));
    }
}
