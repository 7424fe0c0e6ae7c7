package com.example.brokerci;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the broker under test in its own process when the test run begins and stops it when the run ends, and
 * tells the conformance suite where it listens ({@code mqtt.broker}). Registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}, so Failsafe needs no configuration
 * for it. When {@code mqtt.broker} is already set, the run tests that broker and nothing is started.
 *
 * <p>A broker project replaces {@link #command} with the command that starts its own broker on a given port.
 */
public final class BrokerProcess implements LauncherSessionListener {
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private volatile Process broker;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("mqtt.broker") != null || System.getenv("MQTT_BROKER") != null) {
            return;
        }
        try {
            int port = freePort();
            ProcessBuilder pb = new ProcessBuilder(command(port)).redirectErrorStream(true);
            String log = System.getProperty("broker.log");
            if (log != null) {
                pb.redirectOutput(Path.of(log).toFile());
            } else {
                pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            }
            broker = pb.start();
            // Also stopped if the test JVM is ended before the session closes (Ctrl-C, a Failsafe timeout).
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-broker-under-test"));
            awaitListening(port);
            System.setProperty("mqtt.broker", "tcp://127.0.0.1:" + port);
        } catch (IOException e) {
            stop();
            throw new IllegalStateException("cannot start the broker under test: " + e.getMessage(), e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
    }

    /**
     * The reference broker's runnable jar, with the one deliberate fault that {@code mqtt-expectations.json} lists:
     * it answers a second CONNECT on a connection instead of closing the connection (MQTT-3.1.0-2).
     */
    static List<String> command(int port) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = System.getProperty("broker.jar", "target/broker/broker.jar");
        return List.of(java, "-Xmx128m", "-jar", jar, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--fault", "ACCEPT_SECOND_CONNECT", "--allow-faults");
    }

    private void awaitListening(int port) throws IOException {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return;
            } catch (IOException notYet) {
                if (!broker.isAlive()) {
                    throw new IOException("the broker exited with code " + broker.exitValue()
                            + " before it listened on port " + port);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("the broker did not listen on port " + port + " within " + READY_WITHIN);
                }
                try {
                    broker.waitFor(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the broker", e);
                }
            }
        }
    }

    private synchronized void stop() {
        if (broker == null) {
            return;
        }
        broker.destroy();
        try {
            if (!broker.waitFor(10, TimeUnit.SECONDS)) {
                broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            broker.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        broker = null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
