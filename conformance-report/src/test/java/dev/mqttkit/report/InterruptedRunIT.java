package dev.mqttkit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mqttkit.report.fakes.Entries;
import dev.mqttkit.report.fakes.hanging.HangingChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A run stopped from outside (SIGTERM, as CI timeouts and Ctrl-C do) still leaves a report saying it is partial. */
class InterruptedRunIT {

    @TempDir
    Path dir;

    @Test
    void stoppedRunLeavesAPartialReport() throws Exception {
        Path marker = dir.resolve("stuck");
        Path reports = dir.resolve("reports");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-D" + Entries.ENABLED + "=true", "-D" + HangingChecks.MARKER + "=" + marker,
                FakeRuns.class.getName(), "hanging", reports.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile()).start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (!Files.exists(marker) && p.isAlive() && Instant.now().isBefore(deadline)) {
                p.waitFor(100, TimeUnit.MILLISECONDS);
            }
            assertThat(marker).as("the run got stuck; log: " + dir.resolve("cli.log")).exists();
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the JVM stopped").isTrue();
        } finally {
            p.destroyForcibly();
        }

        JsonNode results = new ObjectMapper().readTree(reports.resolve("stuck-broker/results.json").toFile());
        assertThat(results.get("partial").asBoolean()).isTrue();
        assertThat(results.get("tests").findValuesAsText("junitStatus"))
                .containsExactlyInAnyOrder("SUCCESSFUL", "INTERRUPTED");
        assertThat(Files.readString(reports.resolve("stuck-broker/index.html"))).contains("Partial report");
        assertThat(reports.resolve("index.html")).isRegularFile();
        assertThat(Files.readString(dir.resolve("cli.log"))).as("stderr of the stopped run")
                .contains("partial report: " + reports.resolve("stuck-broker/index.html").toAbsolutePath().normalize());
    }
}
