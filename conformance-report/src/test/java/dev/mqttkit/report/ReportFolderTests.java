package dev.mqttkit.report;

import dev.mqttkit.contract.Setting;
import dev.mqttkit.report.fakes.unreachable.UnreachableChecks;
import dev.mqttkit.report.model.TargetRun;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.mqttkit.report.ConformanceReportListenerTests.only;
import static org.assertj.core.api.Assertions.assertThat;

/** What a run leaves in the report folder when it reached no broker, was filtered, or was cut short. */
class ReportFolderTests {

    @TempDir
    Path dir;

    @Test
    void aRunThatReachedNoBrokerNeverReplacesTheTargetsLastReport() throws IOException {
        new FakeRuns(dir).run("passing");
        List<Path> kept = List.of(dir.resolve("good-broker/index.html"), dir.resolve("good-broker/results.json"),
                dir.resolve("index.html"));
        List<String> before = read(kept);

        FakeRuns failed = new FakeRuns(dir).run("unreachable", Map.of(UnreachableChecks.TARGET, "good-broker"));

        assertThat(only(failed).unreachable()).isTrue();
        assertThat(read(kept)).containsExactlyElementsOf(before);
        assertThat(dir.resolve("good-broker/last-unreachable.json")).isRegularFile();
        Document side = Jsoup.parse(dir.resolve("good-broker/last-unreachable.html").toFile());
        assertThat(side.select("#target-error").text()).contains("Connection refused");
        assertThat(side.select("#unreachable-note a").attr("href")).isEqualTo("index.html");
        assertThat(failed.problems()).contains("no broker was reached for target 'good-broker'",
                "Its last report " + dir.resolve("good-broker/index.html").toAbsolutePath() + " is kept",
                dir.resolve("good-broker/last-unreachable.html").toAbsolutePath().toString());
    }

    @Test
    void aRunThatReachedNoBrokerStaysOffTheAllTargetsPage() throws IOException {
        FakeRuns failed = new FakeRuns(dir).run("unreachable");

        assertThat(dir.resolve("index.html")).doesNotExist();
        assertThat(dir.resolve("gone-broker/index.html")).doesNotExist();
        assertThat(dir.resolve("gone-broker/results.json")).doesNotExist();
        assertThat(dir.resolve("gone-broker/last-unreachable.html")).isRegularFile();
        assertThat(ReportWriter.pageOf(dir, only(failed))).isEqualTo(dir.resolve("gone-broker/last-unreachable.html"));
        assertThat(failed.problems()).contains("No report of it is written");
        assertThat(Jsoup.parse(dir.resolve("gone-broker/last-unreachable.html").toFile())
                .select("#unreachable-note a")).isEmpty();

        new FakeRuns(dir).run("passing");
        assertThat(Jsoup.parse(dir.resolve("index.html").toFile()).select("#targets tbody tr")).hasSize(1);
    }

    @Test
    void aFilteredRunSaysSoAndGivesNoOverallScore() throws IOException {
        TargetRun run = only(new FakeRuns(dir).run("passing", Map.of(Setting.ONLY.property(), "MQTT-3.1.0-*")));

        assertThat(run.filtered()).isTrue();
        assertThat(run.filter()).isEqualTo("MQTT-3.1.0-*");
        Document page = Jsoup.parse(dir.resolve("good-broker/index.html").toFile());
        assertThat(page.select("#filtered").text()).contains("Filtered run", "MQTT-3.1.0-*", "no overall score");
        assertThat(page.select("[id=score-3.1.1] .pct").text()).isEqualTo("filtered");
        assertThat(page.select("[id=score-3.1.1]").text()).doesNotContain("%");
        Document matrix = Jsoup.parse(dir.resolve("index.html").toFile());
        assertThat(matrix.select("#targets tbody td").eachText()).contains("filtered, no score (1/2)")
                .noneMatch(cell -> cell.contains("%"));
        assertThat(matrix.select("#targets td.notes").text()).contains("filtered");
    }

    @Test
    void aFullRunIsNotMarkedFiltered() {
        TargetRun run = only(new FakeRuns(dir).run("passing"));

        assertThat(run.filtered()).isFalse();
    }

    private static List<String> read(List<Path> files) throws IOException {
        List<String> contents = new ArrayList<>();
        for (Path f : files) {
            contents.add(Files.readString(f));
        }
        return contents;
    }
}
