package dev.mqttkit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mqttkit.contract.Expectation;
import dev.mqttkit.report.json.ResultsJson;
import dev.mqttkit.report.model.TargetRun;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.mqttkit.report.ConformanceReportListenerTests.only;
import static org.assertj.core.api.Assertions.assertThat;

/** results.json reads back what was written, and the all-targets page still reads files of older kits. */
class ResultsJsonTests {

    static final String SCHEMA_1 = "/results/schema-1-results.json";

    @TempDir
    Path dir;

    @Test
    void readsBackEverythingItWrote() throws IOException {
        ResultsJson json = new ResultsJson();
        for (String fake : new String[] {"cascade", "expected"}) {
            TargetRun run = only(new FakeRuns(dir).run(fake));

            TargetRun read = json.read(dir.resolve(ReportWriter.folderName(run.target().name()))
                    .resolve("results.json"));

            assertThat(read).isEqualTo(run);
        }
    }

    @Test
    void writesTheNewFieldsUnderSchemaTwo() throws IOException {
        new FakeRuns(dir).run("cascade");
        new FakeRuns(dir).run("expected");

        ObjectNode cascade = (ObjectNode) new ObjectMapper().readTree(dir.resolve("stalling-broker/results.json")
                .toFile());
        assertThat(cascade.get("schema").asInt()).isEqualTo(2);
        assertThat(cascade.at("/cascade/culprit").asText()).isEqualTo("CascadeChecks#floodsTheBroker [3.1.1]");
        assertThat(cascade.at("/unsupported/3.1").asText()).isEqualTo("closed the connection without CONNACK");
        assertThat(cascade.findValuesAsText("testKey")).contains("CascadeChecks#acceptsConnect [3.1.1]");
        assertThat(cascade.at("/scores/0/inconclusive").asInt()).isEqualTo(3);
        ObjectNode expected = (ObjectNode) new ObjectMapper().readTree(dir.resolve("known-broker/results.json")
                .toFile());
        assertThat(expected.findValues("expectation")).extracting(n -> n.path("status").asText())
                .contains(Expectation.Status.EXPECTED.name(), Expectation.Status.FIXED.name());
    }

    @Test
    void readsResultsWrittenUnderSchemaOne() throws IOException {
        TargetRun old = new ResultsJson().read(fixture(dir.resolve("older-broker")));

        assertThat(old.schema()).isEqualTo(1);
        assertThat(old.target().name()).isEqualTo("older-broker");
        assertThat(old.tests()).hasSize(8).allSatisfy(t -> {
            assertThat(t.testKey()).isNull();
            assertThat(t.expectation()).isNull();
            assertThat(t.culprit()).isFalse();
        });
        assertThat(old.cascade()).isNull();
        assertThat(old.unsupported()).isEmpty();
        assertThat(old.unreachable()).isFalse();
        assertThat(old.filtered()).isFalse();
        assertThat(old.scores().get(0).inconclusive()).isZero();
        assertThat(old.scores().get(0).percentText()).isEqualTo("50.0%");
    }

    @Test
    void allTargetsPageShowsOlderResultsBesideNewerOnes() throws IOException {
        fixture(dir.resolve("older-broker"));

        new FakeRuns(dir).run("cascade");

        Document matrix = Jsoup.parse(dir.resolve("index.html").toFile());
        assertThat(matrix.select("#targets tbody tr")).hasSize(2);
        assertThat(matrix.select("#targets tbody tr").first().text()).contains("older-broker", "50.0% (3/6)");
        assertThat(matrix.select("#targets tbody tr").last().text())
                .contains("stalling-broker", "not supported \u2014 closed the connection without CONNACK",
                        "stopped answering", "3.1 not supported");
    }

    @Test
    void ignoresFieldsItDoesNotKnow() throws IOException {
        Path file = fixture(dir.resolve("newer-broker"));
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        json.put("schema", 99).putObject("somethingNew").put("x", 1);
        Files.writeString(file, json.toString());

        assertThat(new ResultsJson().read(file).schema()).isEqualTo(99);
    }

    private static Path fixture(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("results.json");
        try (InputStream in = ResultsJsonTests.class.getResourceAsStream(SCHEMA_1)) {
            Files.copy(in, file);
        }
        return file;
    }
}
