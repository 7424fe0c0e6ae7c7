package dev.mqttkit.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mqttkit.codec.packet.Disconnect;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shaded jar runs on its own and logs in mosquitto's verbose style with {@code -v}. */
class StandaloneJarIT {
    private static final Pattern LISTENING = Pattern.compile("listening on \\[/127\\.0\\.0\\.1:(\\d+)]");

    @Test
    void runsFromTheShadedJarWithVerboseLogging() throws Exception {
        Path jar = Path.of("target", "mqttkit-reference-broker-0.1.0-SNAPSHOT-all.jar");
        assumeTrue(Files.exists(jar), "the shaded jar is built in the package phase");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "-p", "0", "-v").redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                r.lines().forEach(lines::add);
            } catch (java.io.IOException e) {
                lines.add("read error: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        List<String> seen = new ArrayList<>();
        try {
            int port = -1;
            while (port < 0) {
                String line = lines.poll(20, TimeUnit.SECONDS);
                assertThat(line).as("a 'listening on' line; seen so far: " + seen).isNotNull();
                seen.add(line);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
            try (TestClient c1 = TestClient.connected(port, "c1")) {
                c1.send(Publish.qos0("a/b", Payload.utf8("hello world")));
                c1.send(Disconnect.INSTANCE);
                c1.expectClosed();
            }
            String expected = "Client c1 disconnected.";
            while (seen.stream().noneMatch(l -> l.endsWith(expected))) {
                String line = lines.poll(10, TimeUnit.SECONDS);
                assertThat(line).as("log line '" + expected + "'; seen: " + seen).isNotNull();
                seen.add(line);
            }
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
            p.destroyForcibly();
        }
        assertThat(seen).map(l -> l.replaceFirst("^\\d+: ", "")).contains(
                "New client connected from 127.0.0.1 as c1 (c1, k60).",
                "Sending CONNACK to c1 (0, 0)",
                "Received PUBLISH from c1 (d0, q0, r0, m0, 'a/b', ... (11 bytes))",
                "Received DISCONNECT from c1");
        assertThat(seen).anyMatch(l -> l.matches("\\d+: New connection from 127\\.0\\.0\\.1 on port \\d+\\."));
    }
}
