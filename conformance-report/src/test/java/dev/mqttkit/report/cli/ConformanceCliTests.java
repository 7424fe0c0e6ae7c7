package dev.mqttkit.report.cli;

import dev.mqttkit.report.FakeRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConformanceCliTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void exitsWithOneWhenAMustStatementFailed() {
        int code = run("--package", "dev.mqttkit.report.fakes.mixed", "--report", dir.toString());

        assertThat(code).isEqualTo(ConformanceCli.MUST_FAILED);
        assertThat(output()).contains("Target fake-broker", "MUST failed:", "rejectsSecondConnect",
                "MQTT 3.1.1: 50.0%", dir.resolve("fake-broker").resolve("index.html").toString());
        assertThat(dir.resolve("fake-broker/index.html")).isRegularFile();
    }

    @Test
    void exitsWithZeroWhenOnlyWeakerStatementsFailed() {
        int code = run("--package", "dev.mqttkit.report.fakes.passing", "--report", dir.toString());

        assertThat(code).isEqualTo(ConformanceCli.OK);
        assertThat(output()).contains("FAILED failsOnlyASuggestion").doesNotContain("MUST failed:");
    }

    @Test
    void exitsWithThreeWhenTheBrokerCannotBeReachedOrNothingRan() throws IOException {
        assertThat(run("--package", "dev.mqttkit.report.fakes.unreachable", "--report", dir.toString()))
                .isEqualTo(ConformanceCli.NOTHING_RAN);
        assertThat(output()).contains("broker could not be reached: Connection refused");
        assertThat(Files.readString(dir.resolve("gone-broker/index.html")))
                .contains("The broker could not be reached.", "Connection refused: 127.0.0.1:1");
        assertThat(run("--package", "dev.mqttkit.report.fakes.plain", "--report", dir.toString()))
                .isEqualTo(ConformanceCli.NOTHING_RAN);
        assertThat(output()).contains("No conformance test ran (2 tests found)");
    }

    @Test
    void passesOptionsToTheSuiteAsSystemPropertiesAndRestoresThemAfterwards() throws IOException {
        System.clearProperty("mqtt.broker");

        run("--package", "dev.mqttkit.report.fakes.passing", "--report", dir.toString(),
                "--broker", "tcp://127.0.0.1:1884", "--only", "MQTT-3.1*,MQTT-4.7.*", "--version", "3.1.1");

        assertThat(Files.readString(dir.resolve("good-broker/results.json")))
                .contains("given tcp://127.0.0.1:1884 only MQTT-3.1*,MQTT-4.7.*");
        assertThat(System.getProperty("mqtt.broker")).isNull();
        assertThat(System.getProperty("mqtt.report.dir")).isNull();
    }

    @Test
    void mapsEveryOptionToTheContractsPropertyNames() {
        ConformanceCli cli = new ConformanceCli(new PrintStream(out, true, StandardCharsets.UTF_8));
        new CommandLine(cli).parseArgs("--broker", "ssl://h:8883", "--version", "3.1,3.1.1",
                "--image", "eclipse-mosquitto:2", "--image-port", "1884", "--target-name", "m",
                "--user", "u", "--password", "p",
                "--timeout-scale", "2.5", "--prefix", "x", "--truststore", "t.jks", "--truststore-password", "s");

        assertThat(cli.systemProperties()).containsEntry("mqtt.broker", "ssl://h:8883")
                .containsEntry("mqtt.versions", "3.1,3.1.1").containsEntry("mqtt.broker.image", "eclipse-mosquitto:2")
                .containsEntry("mqtt.broker.image.port", "1884").containsEntry("mqtt.target.name", "m")
                .containsEntry("mqtt.username", "u").containsEntry("mqtt.password", "p")
                .containsEntry("mqtt.timeout.scale", "2.5").containsEntry("mqtt.prefix", "x")
                .containsEntry("mqtt.truststore", "t.jks").containsEntry("mqtt.truststore.password", "s")
                .doesNotContainKey("mqtt.report.dir").doesNotContainKey("mqtt.only");
    }

    @Test
    void runsTestsConcurrentlyUnlessParallelismIsOne() {
        ConformanceCli cli = new ConformanceCli(new PrintStream(out, true, StandardCharsets.UTF_8));
        new CommandLine(cli).parseArgs();
        assertThat(cli.junitConfiguration()).containsEntry("junit.jupiter.execution.parallel.enabled", "true")
                .containsEntry("junit.jupiter.execution.parallel.config.fixed.parallelism", "8");
        new CommandLine(cli).parseArgs("--parallelism", "1");
        assertThat(cli.junitConfiguration()).isEmpty();
    }

    @Test
    void rebuildsTheAllTargetsPageFromFoldersCopiedTogether() throws IOException {
        Path jobA = dir.resolve("a");
        Path jobB = dir.resolve("b");
        run("--package", "dev.mqttkit.report.fakes.mixed", "--report", jobA.toString());
        run("--package", "dev.mqttkit.report.fakes.passing", "--report", jobB.toString());
        Path merged = Files.createDirectories(dir.resolve("merged"));
        Files.move(jobA.resolve("fake-broker"), merged.resolve("fake-broker"));
        Files.move(jobB.resolve("good-broker"), merged.resolve("good-broker"));

        assertThat(run("--index-only", "--report", merged.toString())).isEqualTo(ConformanceCli.OK);

        assertThat(Files.readString(merged.resolve("index.html")))
                .contains("href=\"fake-broker/index.html\"", "href=\"good-broker/index.html\"");
    }

    @Test
    void rejectsUnknownOptionsWithUsageExitCode() {
        assertThat(run("--no-such-option")).isEqualTo(2);
    }

    private int run(String... args) {
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandLine cli = new CommandLine(new ConformanceCli(print));
        cli.setErr(new java.io.PrintWriter(print, true));
        return FakeRuns.withFakesEnabled(() -> cli.execute(args));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
