package dev.mqttkit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mqttkit.conformance.target.BrokerUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a user starts it ({@code java -jar}): its manifest, merged service files and resources are what
 * a run from Maven's classpath never exercises.
 */
class RunnableJarIT {

    @TempDir
    Path dir;

    @Test
    void printsTheUsageWithExitCodeZero() throws Exception {
        Run run = java("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("Usage: mqttkit-conformance", "--broker=URL", "Exit codes:");
    }

    @Test
    void testsTheEmbeddedReferenceBrokerWhenNoBrokerIsGiven() throws Exception {
        Run run = java("--only", "MQTT-3.12.4-1", "--report", dir.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Target reference-broker: mqttkit reference broker ");
        assertThat(dir.resolve("reference-broker/index.html")).isRegularFile();
    }

    @Test
    void exitsWithThreeAndOneLineWhenTheListenerAcceptsTcpButNeverAnswers() throws Exception {
        try (NonMqttListener silent = NonMqttListener.silent()) {
            Run run = java("--broker", silent.url(), "--report", dir.toString());

            assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitStatus.UNREACHABLE);
            assertThat(run.output().lines().filter(l -> !l.isBlank())).as(run.output()).singleElement()
                    .asString().contains("no broker was reached", "sent no CONNACK within");
        }
    }

    @Test
    void exitsWithThreeAndOneLineWhenTheListenerAnswersHttp() throws Exception {
        try (NonMqttListener http = NonMqttListener.http()) {
            Run run = java("--broker", http.url(), "--report", dir.toString());

            assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitStatus.UNREACHABLE);
            assertThat(run.output().lines().filter(l -> !l.isBlank())).as(run.output()).singleElement()
                    .asString().contains("no broker was reached", "accepted no CONNECT");
        }
    }

    @Test
    void refusesABrokerUrlWithoutSchemeWithExitCodeTwo() throws Exception {
        Run run = java("--broker", "localhost:1883", "--report", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitStatus.USAGE);
        assertThat(run.output().strip()).as(run.output()).isEqualTo("mqttkit-conformance: --broker: broker URL "
                + "'localhost:1883' has no scheme; expected " + BrokerUrl.ACCEPTED);
    }

    @Test
    void printsItsVersionsFromThePackagedJar() throws Exception {
        Run run = java("-V");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).startsWith("mqttkit-conformance ").contains("catalogue: sha-256 ")
                .doesNotContain("unknown", "unreadable");
    }

    private record Run(int exitCode, String output) {
    }

    private Run java(String... args) throws IOException, InterruptedException {
        Path jar = shadedJar();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path log = dir.resolve("output.txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("java -jar " + jar + " did not finish within 120 s");
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Failsafe runs after {@code package}, in the module folder: the jar is in {@code target/}. */
    private static Path shadedJar() throws IOException {
        Path target = Path.of("target");
        assumeTrue(Files.isDirectory(target), "no target folder in " + Path.of("").toAbsolutePath());
        try (Stream<Path> files = Files.list(target)) {
            Path jar = files.filter(f -> f.getFileName().toString().matches("mqttkit-conformance-tests-.*-all\\.jar"))
                    .findFirst().orElse(null);
            assumeTrue(jar != null, "the shaded jar has not been built");
            return jar;
        }
    }
}
