package dev.mqttkit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invalid option or value is refused with exit code 2 before anything starts, in one line that says what is
 * wrong and what is accepted. "Before anything starts" is checked on a broker URL that points at a listener: it must
 * not have been connected to.
 */
class UsageErrorTests {

    @TempDir
    static Path dir;

    static Stream<Arguments> invalidCommandLines() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        Path badExpectations = Files.writeString(dir.resolve("bad.json"), "{\"expected\": [{\"test\": \"x\"}]}");
        return Stream.of(
                Arguments.of("unknown scheme", List.of("--broker", "ftp://127.0.0.1:1883"),
                        "unknown scheme 'ftp'", "tcp://HOST[:PORT]"),
                Arguments.of("missing scheme", List.of("--broker", "localhost:1883"), "has no scheme", "tcp://"),
                Arguments.of("no host", List.of("--broker", "tcp://:1883"), "names no host", "tcp://"),
                Arguments.of("version 5", List.of("--version", "5"), "'5' is not a protocol version",
                        "expected 3.1, 3.1.1"),
                Arguments.of("timeout scale 0", List.of("--timeout-scale", "0"), "is not greater than 0",
                        "expected a number greater than 0"),
                Arguments.of("negative timeout scale", List.of("--timeout-scale", "-1"), "is not greater than 0",
                        "expected a number"),
                Arguments.of("timeout scale not a number", List.of("--timeout-scale", "fast"), "is not a number",
                        "expected a number"),
                Arguments.of("parallelism 0", List.of("--parallelism", "0"), "less than 1", "expected 1"),
                Arguments.of("unwritable report folder", List.of("--report", file.resolve("reports").toString()),
                        "--report: cannot write to the folder", "expected a folder"),
                Arguments.of("junit xml in an unwritable folder", List.of("--junit-xml",
                        file.resolve("junit.xml").toString()), "--junit-xml: cannot write", "expected a folder"),
                Arguments.of("only matching no test", List.of("--only", "NOPE*"), "'NOPE*' selects no test",
                        "--list shows"),
                Arguments.of("invalid expectations file", List.of("--expect", badExpectations.toString()),
                        "--expect: ", "says why"),
                Arguments.of("missing expectations file", List.of("--expect", dir.resolve("none.json").toString()),
                        "cannot read the expectations file", "none.json"),
                Arguments.of("broker and image", List.of("--image", "eclipse-mosquitto:2"),
                        "not both", "--image"),
                Arguments.of("client and broker", List.of("--client", "node driver.mjs"), "not both",
                        "--client to test a client library"),
                Arguments.of("client command with an open quote", List.of("--client", "node 'driver.mjs"),
                        "--client: ", "unterminated"),
                Arguments.of("unknown option", List.of("--no-such-option"), "Unknown option: '--no-such-option'",
                        "see --help"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCommandLines")
    void refusesBeforeStartingAnythingInOneLine(String what, List<String> args, String wrong, String accepted)
            throws IOException {
        try (NonMqttListener listener = NonMqttListener.silent()) {
            List<String> all = new ArrayList<>();
            if (!args.contains("--report")) {
                all.addAll(List.of("--report", dir.resolve("reports").toString()));
            }
            if (!args.contains("--broker")) {
                all.addAll(List.of("--broker", listener.url()));
            }
            all.addAll(args);

            CliRun run = CliRun.of(all.toArray(String[]::new));

            assertThat(run.code()).as(run.both()).isEqualTo(ExitStatus.USAGE);
            assertThat(run.errLines()).as(run.both()).hasSize(1);
            assertThat(run.errLines().get(0)).startsWith("mqttkit-conformance: ").contains(wrong, accepted);
            assertThat(run.out()).as(run.both()).isEmpty();
            assertThat(listener.accepted()).as("connections to the broker").isZero();
        }
    }
}
