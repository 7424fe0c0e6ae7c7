package dev.mqttkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.contract.TargetFacts;
import dev.mqttkit.report.json.ResultsJson;
import dev.mqttkit.report.model.StatementResult;
import dev.mqttkit.report.model.TargetRun;
import java.io.IOException;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client library is reported like a broker, with the client side's observability of the statements. */
class ClientTargetReportTests {

    @TempDir
    Path dir;

    @Test
    void namesTheTargetAClientLibraryAndJudgesObservabilityForTheClientSide() throws IOException {
        TargetRun run = new FakeRuns(dir).run("client").results().get(0);
        assertThat(run.target().kind()).isEqualTo(TargetFacts.Kind.CLIENT);
        Document page = Jsoup.parse(dir.resolve("fake-client/index.html").toFile());
        assertThat(page.select("#summary dt").eachText()).contains("Client library").doesNotContain("Broker");
        assertThat(page.select("#broker").text()).isEqualTo("FakeClient 3.0");
        StatementResult serverOnly = statement(run, "MQTT-3.1.0-2");
        assertThat(serverOnly.observable()).isFalse();
        assertThat(serverOnly.notObservableReason()).isEqualTo("binds the server only");
        assertThat(statement(run, "MQTT-2.3.1-2").observable()).as("binds the client: seen by a scripted broker")
                .isTrue();
        assertThat(new ResultsJson().read(dir.resolve("fake-client/results.json")).target().kind())
                .as("the kind read back from results.json, for the all-targets page")
                .isEqualTo(TargetFacts.Kind.CLIENT);
    }

    private static StatementResult statement(TargetRun run, String id) {
        return run.statements().stream().filter(s -> s.id().equals(id) && "3.1.1".equals(s.version())).findFirst()
                .orElseThrow();
    }
}
