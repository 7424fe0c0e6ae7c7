package dev.mqttkit.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mqttkit.codec.packet.Disconnect;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Publish;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar runs on its own and logs in mosquitto's verbose style with {@code -v}; {@code bin/mqttkit-broker}
 * starts it with the documented memory settings, which its first line reports.
 */
class StandaloneJarIT {
    private static final Pattern LISTENING = Pattern.compile("listening on \\[/127\\.0\\.0\\.1:(\\d+)] \\((.*)\\)");
    private static final Path JAR = Path.of("target", "mqttkit-reference-broker-0.1.0-SNAPSHOT-all.jar");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** A broker process and the lines it prints, read on a background thread. */
    private static final class Broker implements AutoCloseable {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> seen = new ArrayList<>();
        int port = -1;
        String memory;

        Broker(ProcessBuilder builder) throws IOException, InterruptedException {
            assumeTrue(Files.exists(JAR), "the shaded jar is built in the package phase");
            process = builder.redirectErrorStream(true).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    r.lines().forEach(lines::add);
                } catch (IOException e) {
                    lines.add("read error: " + e);
                }
            });
            reader.setDaemon(true);
            reader.start();
            while (port < 0) {
                Matcher m = LISTENING.matcher(next("a 'listening on' line"));
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                    memory = m.group(2);
                }
            }
        }

        String next(String what) throws InterruptedException {
            String line = lines.poll(20, TimeUnit.SECONDS);
            assertThat(line).as(what + "; seen so far: " + seen).isNotNull();
            seen.add(line);
            return line;
        }

        void awaitLineEndingWith(String text) throws InterruptedException {
            while (seen.stream().noneMatch(l -> l.endsWith(text))) {
                next("log line '" + text + "'");
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void runsFromTheShadedJarWithVerboseLogging() throws Exception {
        List<String> seen;
        try (Broker b = new Broker(new ProcessBuilder(JAVA, "-jar", JAR.toString(), "-p", "0", "-v"))) {
            try (TestClient c1 = TestClient.connected(b.port, "c1")) {
                c1.send(Publish.qos0("a/b", Payload.utf8("hello world")));
                c1.send(Disconnect.INSTANCE);
                c1.expectClosed();
            }
            b.awaitLineEndingWith("Client c1 disconnected.");
            seen = b.seen;
        }
        assertThat(seen).map(l -> l.replaceFirst("^\\d+: ", "")).contains(
                "New client connected from 127.0.0.1 as c1 (c1, k60).",
                "Sending CONNACK to c1 (0, 0)",
                "Received PUBLISH from c1 (d0, q0, r0, m0, 'a/b', ... (11 bytes))",
                "Received DISCONNECT from c1");
        assertThat(seen).anyMatch(l -> l.matches("\\d+: New connection from 127\\.0\\.0\\.1 on port \\d+\\."));
    }

    @Test
    void launcherStartsTheJarWithTheTestBrokerMemorySettings() throws Exception {
        try (Broker b = new Broker(new ProcessBuilder("bin/mqttkit-broker", "-p", "0"))) {
            assertThat(b.memory).isEqualTo("max heap 128 MiB, collectors Copy + MarkSweepCompact");
            try (TestClient c = TestClient.connected(b.port, "c")) {
                c.fence();
            }
        }
    }

    @Test
    void launcherTakesExtraJvmOptionsThatOverrideItsDefaults() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bin/mqttkit-broker", "-p", "0");
        Map<String, String> env = builder.environment();
        env.put("MQTTKIT_BROKER_JAVA_OPTS", "-Xmx256m -XX:-UseSerialGC -XX:+UseParallelGC");
        env.put("JAVA", JAVA);
        try (Broker b = new Broker(builder)) {
            assertThat(b.memory).startsWith("max heap 256 MiB, collectors PS ");
        }
    }
}
