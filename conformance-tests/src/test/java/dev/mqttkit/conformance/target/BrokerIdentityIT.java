package dev.mqttkit.conformance.target;

import dev.mqttkit.conformance.client.ClientContext;
import dev.mqttkit.conformance.client.Endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.conformance.client.Timeouts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker name in the report's target facts, read from {@code $SYS/broker/version} within a bounded wait. */
class BrokerIdentityIT {
    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    @Test
    void readsTheVersionMosquittoRetainsUnderSys(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(MOSQUITTO), "mosquitto is not installed at " + MOSQUITTO);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\n");
        Process broker = new ProcessBuilder(MOSQUITTO.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        try {
            Endpoint endpoint = Endpoint.tcp("127.0.0.1", port);
            awaitListening(endpoint, broker);

            Optional<String> name = BrokerIdentity.discover(ClientContext.standalone(endpoint, Timeouts.scaledBy(1),
                    ClientContext.Credentials.NONE), "identity-it");

            assertThat(name).hasValueSatisfying(n -> assertThat(n).matches("mosquitto version \\d+\\.\\d+\\.\\d+.*"));
        } finally {
            broker.destroy();
            broker.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /**
     * Without {@code $SYS} the broker stays unnamed after one short wait past the fence, not after a timeout: a
     * run must not stall on every broker that keeps its name to itself.
     */
    @Test
    void leavesABrokerWithoutSysTopicsUnnamedWithoutWaitingForATimeout() throws IOException {
        try (ReferenceBroker broker = ReferenceBroker.start(BrokerConfig.defaults())) {
            Timeouts timeouts = Timeouts.scaledBy(1);
            long start = System.nanoTime();

            Optional<String> name = BrokerIdentity.discover(ClientContext.standalone(
                    Endpoint.tcp("127.0.0.1", broker.port()), timeouts, ClientContext.Credentials.NONE), "identity-it");

            assertThat(name).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeouts.expect());
        }
    }

    private static void awaitListening(Endpoint endpoint, Process broker) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && broker.isAlive()) {
            if (endpoint.unreachableBecause(Duration.ofSeconds(1)).isEmpty()) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("mosquitto did not start listening at " + endpoint.url());
    }
}
