package dev.mqttkit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.Fault;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.contract.Setting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line against real targets: exit codes, options mapped onto the settings, the all-targets page. */
class ConformanceCliTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void exitsWithZeroWhenNoMustStatementFailed() throws IOException {
        try (ReferenceBroker broker = ReferenceBroker.start(BrokerConfig.defaults())) {
            int code = run("--broker", "tcp://127.0.0.1:" + broker.port(), "--only", "MQTT-3.12.4-1",
                    "--target-name", "good", "--report", dir.toString());

            assertThat(code).as(output()).isEqualTo(ConformanceCli.OK);
            assertThat(dir.resolve("good/index.html")).isRegularFile();
        }
    }

    @Test
    void exitsWithOneWhenAMustStatementFailed() throws IOException {
        try (ReferenceBroker broker = ReferenceBroker.start(BrokerConfig.defaults()
                .withFaults(Set.of(Fault.NO_PINGRESP)))) {
            int code = run("--broker", "tcp://127.0.0.1:" + broker.port(), "--only", "MQTT-3.12.4-1",
                    "--target-name", "faulty", "--report", dir.toString());

            assertThat(code).as(output()).isEqualTo(ConformanceCli.MUST_FAILED);
            assertThat(output()).contains("MUST failed:", "answersEveryPingreqWithPingresp");
        }
    }

    @Test
    void exitsWithThreeWhenTheBrokerCannotBeReached() throws IOException {
        int code = run("--broker", "tcp://127.0.0.1:" + closedPort(), "--target-name", "gone",
                "--report", dir.toString());

        assertThat(code).isEqualTo(ConformanceCli.NOTHING_RAN);
        assertThat(output()).contains("broker could not be reached");
    }

    @Test
    void mapsEveryOptionToItsSetting() {
        ConformanceCli cli = new ConformanceCli(new PrintStream(out, true, StandardCharsets.UTF_8));
        new CommandLine(cli).parseArgs("--broker", "ssl://h:8883", "--version", "3.1,3.1.1",
                "--image", "eclipse-mosquitto:2", "--image-port", "1884", "--target-name", "m",
                "--user", "u", "--password", "p",
                "--timeout-scale", "2.5", "--prefix", "x", "--truststore", "t.jks", "--truststore-password", "s");

        assertThat(cli.systemProperties()).containsEntry(Setting.BROKER.property(), "ssl://h:8883")
                .containsEntry(Setting.VERSIONS.property(), "3.1,3.1.1")
                .containsEntry(Setting.IMAGE.property(), "eclipse-mosquitto:2")
                .containsEntry(Setting.IMAGE_PORT.property(), "1884")
                .containsEntry(Setting.TARGET_NAME.property(), "m")
                .containsEntry(Setting.USERNAME.property(), "u").containsEntry(Setting.PASSWORD.property(), "p")
                .containsEntry(Setting.TIMEOUT_SCALE.property(), "2.5").containsEntry(Setting.PREFIX.property(), "x")
                .containsEntry(Setting.TRUSTSTORE.property(), "t.jks")
                .containsEntry(Setting.TRUSTSTORE_PASSWORD.property(), "s")
                .doesNotContainKey(Setting.REPORT_DIR.property()).doesNotContainKey(Setting.ONLY.property());
    }

    @Test
    void rebuildsTheAllTargetsPageFromFoldersCopiedTogether() throws IOException {
        try (ReferenceBroker broker = ReferenceBroker.start(BrokerConfig.defaults())) {
            run("--broker", "tcp://127.0.0.1:" + broker.port(), "--only", "MQTT-3.12.4-1", "--target-name", "a",
                    "--report", dir.resolve("job-a").toString());
        }
        Path merged = Files.createDirectories(dir.resolve("merged"));
        Files.move(dir.resolve("job-a/a"), merged.resolve("a"));

        assertThat(run("--index-only", "--report", merged.toString())).isEqualTo(ConformanceCli.OK);

        assertThat(Files.readString(merged.resolve("index.html"))).contains("href=\"a/index.html\"");
    }

    @Test
    void rejectsUnknownOptionsWithUsageExitCode() {
        assertThat(run("--no-such-option")).isEqualTo(2);
    }

    private int run(String... args) {
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandLine cli = new CommandLine(new ConformanceCli(print));
        cli.setErr(new PrintWriter(print, true));
        return cli.execute(args);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
