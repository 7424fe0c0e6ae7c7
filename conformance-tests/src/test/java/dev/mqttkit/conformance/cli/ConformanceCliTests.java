package dev.mqttkit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.Fault;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.contract.Setting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against real targets: one test per exit code but the usage errors (see {@link UsageErrorTests}),
 * the console a person reads, options mapped onto the settings, the all-targets page. Each run is limited to the two
 * tests of MQTT-3.1.0-2 (a second CONNECT closes the connection), which the reference broker's ACCEPT_SECOND_CONNECT
 * fault breaks: a FAIL in MQTT 3.1.1, a WARN in 3.1, which leaves the reaction open. The report counts the
 * reachability check as a third test. Isolated: the calibration's timing checks must not share the machine with
 * these runs.
 */
@Isolated
class ConformanceCliTests {
    static final String SECOND_CONNECT = "MQTT-3.1.0-2";
    static final String TEST_311 = "ConnectViolationTests#closesConnectionOnSecondConnect [3.1.1]";
    static final String TEST_31 = "ConnectViolationTests#closesConnectionOnSecondConnect [3.1]";

    @TempDir
    Path dir;

    @Test
    void exitsWithZeroWhenNoMustStatementFailed() throws IOException {
        try (ReferenceBroker broker = ReferenceBroker.start(BrokerConfig.defaults())) {
            CliRun run = CliRun.of("--broker", url(broker), "--only", SECOND_CONNECT, "--target-name", "good",
                    "--report", dir.toString());

            assertThat(run.code()).as(run.both()).isEqualTo(ExitStatus.OK);
            assertThat(dir.resolve("good/index.html")).isRegularFile();
            assertThat(run.out()).contains("3 tests: 3 Pass", "filtered run (" + SECOND_CONNECT + ")",
                    "report: " + dir.resolve("good/index.html").toAbsolutePath(),
                    "Result: no unexpected MUST failure (exit 0)")
                    .doesNotContain("of applicable MUST statements passed");
        }
    }

    @Test
    void exitsWithOneAndNamesTheFailureLiveAndInTheSummary() throws IOException {
        try (ReferenceBroker broker = faulty()) {
            CliRun run = CliRun.of("--broker", url(broker), "--only", SECOND_CONNECT, "--target-name", "faulty",
                    "--report", dir.toString());

            assertThat(run.code()).as(run.both()).isEqualTo(ExitStatus.FAILED);
            assertThat(run.out().lines().filter(l -> l.startsWith("FAIL "))).as(run.both()).singleElement()
                    .asString().startsWith("FAIL " + TEST_311 + " " + SECOND_CONNECT + " MQTT-4.8.0-1 \u2014 ");
            assertThat(run.out()).contains("  FAIL " + SECOND_CONNECT + " [3.1.1] ", "  WARN MQTTv3.1-3.1-7 [3.1] ",
                    "Result: 1 test broke a MUST statement that the expectations file does not list (exit 1)");
        }
    }

    @Test
    void exitsWithThreeWhenNothingListensWithOneMessageAndNoTestOutput() throws IOException {
        CliRun run = CliRun.of("--broker", "tcp://127.0.0.1:" + closedPort(), "--target-name", "gone",
                "--report", dir.toString());

        assertUnreachable(run, "cannot connect to the broker at");
        assertThat(dir.resolve("gone/index.html")).doesNotExist();
        assertThat(dir.resolve("index.html")).doesNotExist();
    }

    @Test
    void exitsWithThreeWhenTheListenerAcceptsTcpButNeverAnswers() throws IOException {
        try (NonMqttListener silent = NonMqttListener.silent()) {
            CliRun run = CliRun.of("--broker", silent.url(), "--report", dir.toString());

            assertUnreachable(run, "sent no CONNACK within");
        }
    }

    @Test
    void exitsWithThreeWhenTheListenerAnswersHttp() throws IOException {
        try (NonMqttListener http = NonMqttListener.http()) {
            CliRun run = CliRun.of("--broker", http.url(), "--report", dir.toString());

            assertUnreachable(run, "accepted no CONNECT");
        }
    }

    @Test
    void quietPrintsOnlyTheLastLines() throws IOException {
        try (ReferenceBroker broker = ReferenceBroker.start(BrokerConfig.defaults())) {
            CliRun run = CliRun.of("--broker", url(broker), "--only", SECOND_CONNECT, "--target-name", "q", "--quiet",
                    "--report", dir.toString());

            assertThat(run.code()).isEqualTo(ExitStatus.OK);
            assertThat(run.out().lines().toList()).as(run.both()).containsExactly(
                    "report: " + dir.resolve("q/index.html").toAbsolutePath(),
                    "Result: no unexpected MUST failure (exit 0)");
        }
    }

    @Test
    void printsTheToolSuiteAndCatalogueVersions() {
        CliRun run = CliRun.of("--tool-version");

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("mqttkit-conformance ")
                .contains("suite: dev.mqttkit:mqttkit-conformance-tests",
                "MQTT 3.1.1 statements", "catalogue: sha-256 ").doesNotContain("unknown");
    }

    @Test
    void mapsEveryOptionToItsSetting() {
        ConformanceCli cli = new ConformanceCli(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), System.err);
        ConformanceCli.commandLine(cli).parseArgs("--broker", "ssl://h:8883", "--version", "3.1,3.1.1",
                "--image", "eclipse-mosquitto:2", "--image-port", "1884", "--target-name", "m",
                "--user", "u", "--password", "p", "--expect", "known.json", "--strict-expectations",
                "--timeout-scale", "2.5", "--prefix", "x", "--truststore", "t.jks", "--truststore-password", "s");

        assertThat(cli.systemProperties()).containsEntry(Setting.BROKER.property(), "ssl://h:8883")
                .containsEntry(Setting.VERSIONS.property(), "3.1,3.1.1")
                .containsEntry(Setting.IMAGE.property(), "eclipse-mosquitto:2")
                .containsEntry(Setting.IMAGE_PORT.property(), "1884")
                .containsEntry(Setting.TARGET_NAME.property(), "m")
                .containsEntry(Setting.USERNAME.property(), "u").containsEntry(Setting.PASSWORD.property(), "p")
                .containsEntry(Setting.EXPECTATIONS.property(), "known.json")
                .containsEntry(Setting.STRICT_EXPECTATIONS.property(), "true")
                .containsEntry(Setting.TIMEOUT_SCALE.property(), "2.5").containsEntry(Setting.PREFIX.property(), "x")
                .containsEntry(Setting.TRUSTSTORE.property(), "t.jks")
                .containsEntry(Setting.TRUSTSTORE_PASSWORD.property(), "s")
                .doesNotContainKey(Setting.REPORT_DIR.property()).doesNotContainKey(Setting.ONLY.property());
    }

    @Test
    void rebuildsTheAllTargetsPageFromFoldersCopiedTogether() throws IOException {
        try (ReferenceBroker broker = ReferenceBroker.start(BrokerConfig.defaults())) {
            CliRun.of("--broker", url(broker), "--only", SECOND_CONNECT, "--target-name", "a", "--quiet",
                    "--report", dir.resolve("job-a").toString());
        }
        Path merged = Files.createDirectories(dir.resolve("merged"));
        Files.move(dir.resolve("job-a/a"), merged.resolve("a"));

        assertThat(CliRun.of("--index-only", "--report", merged.toString()).code()).isEqualTo(ExitStatus.OK);

        assertThat(Files.readString(merged.resolve("index.html"))).contains("href=\"a/index.html\"");
    }

    @Test
    void aClientDriverThatNeverStartsEndsTheRunWithExitThree(@TempDir Path dir) {
        CliRun run = CliRun.of("--client", dir.resolve("no-such-driver").toString(), "--only", "MQTT-3.14.4-1",
                "--report", dir.resolve("reports").toString());

        assertThat(run.code()).as(run.both()).isEqualTo(ExitStatus.UNREACHABLE);
        assertThat(run.out()).contains("nothing could be checked", "the client driver could not be started");
    }

    /** Exit 3, the reason said once (by the report, on stderr), and no test's output anywhere. */
    private static void assertUnreachable(CliRun run, String reason) {
        assertThat(run.code()).as(run.both()).isEqualTo(ExitStatus.UNREACHABLE);
        assertThat(run.errLines()).as(run.both()).hasSize(1);
        assertThat(run.errLines().get(0)).contains("no broker was reached", reason);
        assertThat(run.out()).as(run.both()).doesNotContain("FAIL", "brokerAcceptsAConnection", "report:",
                "All targets");
    }

    static ReferenceBroker faulty() throws IOException {
        return ReferenceBroker.start(BrokerConfig.defaults().withFaults(Set.of(Fault.ACCEPT_SECOND_CONNECT)));
    }

    static String url(ReferenceBroker broker) {
        return "tcp://127.0.0.1:" + broker.port();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
