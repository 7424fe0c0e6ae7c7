package dev.mqttkit.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.ReferenceBroker;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Interoperability with Debian's {@code mosquitto_pub} / {@code mosquitto_sub} (package mosquitto-clients). Skipped
 * when the binaries are not on the PATH.
 */
class MosquittoClientsIT {
    private static final long WAIT_SECONDS = 10;
    private final LogLines log = new LogLines();
    private ReferenceBroker broker;
    @TempDir
    Path temp;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(onPath("mosquitto_pub") && onPath("mosquitto_sub"),
                "mosquitto_pub / mosquitto_sub not installed (apt-get install mosquitto-clients): interop skipped");
        broker = ReferenceBroker.start(BrokerConfig.defaults().withLog(log));
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static boolean onPath(String binary) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, binary))) {
                return true;
            }
        }
        return false;
    }

    private Process run(String binary, String clientId, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(binary, "-h", "127.0.0.1", "-p", Integer.toString(broker.port()),
                "-i", clientId));
        cmd.addAll(List.of(args));
        Path out = temp.resolve(clientId + ".out");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    private String output(String clientId) throws IOException {
        return Files.readString(temp.resolve(clientId + ".out"), StandardCharsets.UTF_8);
    }

    private void awaitExit(Process p, String clientId) throws Exception {
        try {
            boolean done = p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(done).as(clientId + " finished; output: " + output(clientId)).isTrue();
            assertThat(p.exitValue()).as(clientId + " exit code; output: " + output(clientId)).isZero();
        } finally {
            p.destroyForcibly();
        }
    }

    /** Waits until the broker has acknowledged {@code clientId}'s subscription, by its log. */
    private void awaitSuback(String clientId) throws InterruptedException {
        log.await("Sending SUBACK to " + clientId + " ", Duration.ofSeconds(WAIT_SECONDS));
    }

    @ParameterizedTest(name = "{0} at QoS {1}")
    @CsvSource({"mqttv31,0", "mqttv31,1", "mqttv31,2", "mqttv311,0", "mqttv311,1", "mqttv311,2"})
    void deliversBetweenMosquittoClients(String version, int qos) throws Exception {
        Process sub = run("mosquitto_sub", "sub", "-V", version, "-q", "" + qos, "-t", "interop/+/x", "-C", "1", "-v");
        awaitSuback("sub");
        Process pub = run("mosquitto_pub", "pub", "-V", version, "-q", "" + qos, "-t", "interop/a/x", "-m",
                "hello " + version);
        awaitExit(pub, "pub");
        awaitExit(sub, "sub");
        assertThat(output("sub").strip()).isEqualTo("interop/a/x hello " + version);
        assertThat(log.snapshot()).anyMatch(l -> l.contains("Received PUBLISH from pub (d0, q" + qos + ", r0"));
    }

    @Test
    void deliversRetainedMessagesToLaterSubscribersWithRetainSet() throws Exception {
        awaitExit(run("mosquitto_pub", "pub", "-q", "1", "-r", "-t", "interop/retained", "-m", "kept"), "pub");
        Process sub = run("mosquitto_sub", "sub", "-t", "interop/#", "-C", "1", "-F", "%r %t %p");
        awaitExit(sub, "sub");
        assertThat(output("sub").strip()).isEqualTo("1 interop/retained kept");
        awaitExit(run("mosquitto_pub", "clear", "-r", "-t", "interop/retained", "-n"), "clear");
        // --retained-only prints retained messages and exits at the first live one: the fence
        Process none = run("mosquitto_sub", "none", "-t", "interop/#", "--retained-only", "-v");
        awaitSuback("none");
        awaitExit(run("mosquitto_pub", "fence", "-t", "interop/fence", "-m", "live"), "fence");
        awaitExit(none, "none");
        assertThat(output("none")).doesNotContain("kept");
    }

    @Test
    void matchesHashAndPlusFiltersForMosquittoClients() throws Exception {
        Process hash = run("mosquitto_sub", "hash", "-t", "#", "-C", "2", "-v");
        Process plus = run("mosquitto_sub", "plus", "-t", "+/b/+", "-C", "1", "-v");
        awaitSuback("hash");
        awaitSuback("plus");
        awaitExit(run("mosquitto_pub", "p1", "-t", "$SYS/not/matched", "-m", "x"), "p1");
        awaitExit(run("mosquitto_pub", "p2", "-t", "a/b/c", "-m", "one"), "p2");
        awaitExit(run("mosquitto_pub", "p3", "-t", "z", "-m", "two"), "p3");
        awaitExit(hash, "hash");
        awaitExit(plus, "plus");
        assertThat(output("hash").strip().lines()).containsExactly("a/b/c one", "z two");
        assertThat(output("plus").strip()).isEqualTo("a/b/c one");
    }
}
