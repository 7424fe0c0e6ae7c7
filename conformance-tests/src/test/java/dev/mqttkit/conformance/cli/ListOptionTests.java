package dev.mqttkit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --list}: what would run, found by the suite's own discovery, without connecting to anything. */
class ListOptionTests {

    @Test
    void listsEveryKindOfTestPerVersionWithItsStatementsWithoutConnecting() throws IOException {
        try (NonMqttListener broker = NonMqttListener.silent()) {
            CliRun run = CliRun.of("--broker", broker.url(), "--list");

            assertThat(run.code()).as(run.both()).isZero();
            assertThat(run.out().lines()).anyMatch(l -> l.matches(
                    "  KeepAliveTests#answersEveryPingreqWithPingresp \\[3\\.1\\.1] +MQTT-3\\.12\\.4-1"));
            assertThat(run.out()).contains("MQTT 3.1.1: ", "MQTT 3.1: ", "  scenario:", "  malformed:connect/",
                    " MQTT-4.8.0-1", "tests in all; nothing was connected to");
            assertThat(run.out()).doesNotContain("TargetTests");
            assertThat(broker.accepted()).as("connections to the broker").isZero();
        }
    }

    @Test
    void listsOnlyTheSelectedTestsOfTheSelectedVersionAndWritesNothing(@TempDir Path dir) {
        CliRun run = CliRun.of("--list", "--only", "MQTT-3.12.4-1", "--version", "3.1.1",
                "--report", dir.resolve("reports").toString(), "--junit-xml", dir.resolve("junit.xml").toString());

        assertThat(dir).isEmptyDirectory();
        assertThat(run.out().lines().toList()).as(run.both()).containsExactly(
                "MQTT 3.1.1: 1 test",
                "  KeepAliveTests#answersEveryPingreqWithPingresp [3.1.1]  MQTT-3.12.4-1",
                "1 test in all; nothing was connected to");
    }

    @Test
    void listsTheClientCasesWithoutStartingTheDriver(@TempDir Path dir) {
        Path started = dir.resolve("started");
        CliRun run = CliRun.of("--list", "--client", "touch " + started, "--version", "3.1.1");

        assertThat(run.code()).as(run.both()).isZero();
        assertThat(run.out().lines()).as(run.both()).anyMatch(l -> l.matches(
                "  DisconnectTests#closesTheConnectionAfterDisconnectAndSendsNothingMore \\[3\\.1\\.1] +"
                        + "MQTT-3\\.14\\.4-1 MQTT-3\\.14\\.4-2"));
        assertThat(run.out()).doesNotContain("scenario:", "KeepAliveTests#answersEveryPingreqWithPingresp");
        assertThat(started).as("a file the driver command would have made").doesNotExist();
    }
}
