package dev.mqttkit.conformance.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole suite against mosquitto from the Debian package, started here on a loopback port, and compares every
 * verdict with {@code mosquitto-2.0-baseline.json}: the known deviations, each looked into and explained. A verdict
 * that changes either way (a new failure, or a recorded deviation that went away) fails the build.
 */
class MosquittoBaselineIT {
    static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    static final String BASELINE = "/mosquitto-2.0-baseline.json";

    @Test
    void verdictsAgainstMosquittoMatchTheBaseline(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(MOSQUITTO), "mosquitto is not installed at " + MOSQUITTO);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\n");
        Process broker = new ProcessBuilder(MOSQUITTO.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        try {
            awaitListening(port, broker);
            List<SuiteRun.Result> results = SuiteRun.run(Map.of("mqtt.broker", "tcp://127.0.0.1:" + port,
                    "mqtt.target.name", "mosquitto"));
            Baseline.assertMatches(BASELINE, results, "mosquitto-deviations.json");
            assertThat(results).filteredOn(r -> r.name().endsWith("PINGREQ with flags 0010 [MQTT 3.1.1]"))
                    .singleElement().extracting(SuiteRun.Result::reason).asString()
                    .as("a failure says what was expected and what the broker did")
                    .contains("expected the connection to be closed after PINGREQ with flags 0010 (breaks"
                            + " MQTT-2.2.2-1); the broker answered PINGRESP and kept it open for ");
        } finally {
            broker.destroy();
            broker.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static void awaitListening(int port, Process broker) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && broker.isAlive()) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException("mosquitto did not start listening on port " + port);
    }
}
