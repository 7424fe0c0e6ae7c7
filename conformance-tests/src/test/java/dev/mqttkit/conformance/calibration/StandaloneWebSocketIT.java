package dev.mqttkit.conformance.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.contract.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference broker as a user runs it, in a process of its own with a WebSocket listener opened by its
 * configuration file, and the whole suite against it by {@code ws://} URL: every test passes or does not apply, and
 * the tests of chapter 6 pass.
 */
class StandaloneWebSocketIT {
    private static final Pattern LISTENING = Pattern.compile(
            "listening on \\[/127\\.0\\.0\\.1:(\\d+), /127\\.0\\.0\\.1:(\\d+)]");

    @TempDir
    Path dir;

    @Test
    void passesTheWholeSuiteOverTheWebSocketListenerOfItsConfigurationFile() throws Exception {
        Path conf = Files.writeString(dir.resolve("broker.conf"), String.join("\n",
                "listener 0 127.0.0.1", "listener 0 127.0.0.1", "protocol websockets", ""));
        Process broker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "dev.mqttkit.broker.cli.Main", "-c", conf.toString()).redirectErrorStream(true).start();
        try {
            int port = webSocketPort(broker);
            List<SuiteRun.Result> results = SuiteRun.run(Map.of("mqtt.broker", "ws://127.0.0.1:" + port + "/mqtt",
                    "mqtt.target.name", "reference-broker-standalone-ws"), false);

            assertThat(results).as("tests run").hasSizeGreaterThan(200)
                    .allMatch(r -> r.verdict() == Verdict.PASS || r.verdict() == Verdict.NOT_APPLICABLE,
                            "PASS or NOT_APPLICABLE");
            assertThat(results).filteredOn(r -> r.key().startsWith("WebSocketTests#")).hasSize(13)
                    .allMatch(r -> r.verdict() == Verdict.PASS, "PASS");
        } finally {
            broker.destroy();
            if (!broker.waitFor(10, TimeUnit.SECONDS)) {
                broker.destroyForcibly();
            }
        }
    }

    /** The second listener's port, from the line the broker prints once it listens (at most 30 s). */
    private static int webSocketPort(Process broker) throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8))) {
                StringBuilder seen = new StringBuilder();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(2)));
                    }
                    seen.append(line).append('\n');
                }
                port.completeExceptionally(new IOException("the broker exited before listening:\n" + seen));
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
        }, "standalone broker output");
        reader.setDaemon(true);
        reader.start();
        return port.get(30, TimeUnit.SECONDS);
    }
}
