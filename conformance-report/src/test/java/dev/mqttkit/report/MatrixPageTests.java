package dev.mqttkit.report;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MatrixPageTests {

    @TempDir
    Path dir;

    @Test
    void comparesEveryTargetRunIntoTheSameFolder() throws IOException {
        new FakeRuns(dir).run("mixed");
        new FakeRuns(dir).run("passing");

        Document matrix = Jsoup.parse(dir.resolve("index.html").toFile());
        assertThat(matrix.select("#targets tbody tr")).hasSize(2);
        assertThat(matrix.select("#targets a").eachAttr("href"))
                .containsExactly("fake-broker/index.html", "good-broker/index.html");
        Element row = rowOf(matrix, "MQTT-3.1.0-1");
        assertThat(row.select("td.cell").eachText()).containsExactly("Fail", "Pass");
        assertThat(row.hasClass("differs")).isTrue();
        assertThat(row.hasClass("failing")).isTrue();
        assertThat(rowOf(matrix, "MQTT-4.7.1-1").hasClass("tested")).isFalse();
    }

    @Test
    void matrixLinksLandOnTheStatementRowOfEachTargetPage() throws IOException {
        new FakeRuns(dir).run("mixed");
        new FakeRuns(dir).run("passing");

        Document matrix = Jsoup.parse(dir.resolve("index.html").toFile());
        for (String href : rowOf(matrix, "MQTT-3.1.0-1").select("td.cell a").eachAttr("href")) {
            String[] parts = href.split("#");
            Document target = Jsoup.parse(dir.resolve(parts[0]).toFile());
            assertThat(target.getElementById(parts[1])).as(href).isNotNull();
        }
    }

    @Test
    void leavesOutTargetsThatWereNeverReachedAndSkipsUnreadableResults() throws IOException {
        new FakeRuns(dir).run("unreachable");
        Files.createDirectories(dir.resolve("broken"));
        Files.writeString(dir.resolve("broken/results.json"), "{ not json");
        FakeRuns second = new FakeRuns(dir).run("passing");

        Document matrix = Jsoup.parse(dir.resolve("index.html").toFile());
        assertThat(matrix.select("#targets tbody tr")).hasSize(1);
        assertThat(matrix.select("#targets").text()).contains("good-broker").doesNotContain("gone-broker");
        assertThat(second.problems()).contains("skipping unreadable").contains("broken");
    }

    private static Element rowOf(Document matrix, String id) {
        return matrix.select("[id=matrix-3.1.1] tr.row").stream()
                .filter(r -> r.select("td.id").text().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + id));
    }
}
