package dev.mqttkit.conformance.clientside;

import dev.mqttkit.conformance.client.Transcript;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client driver started for one case. What it prints goes into the case's transcript (at most
 * {@link #MAX_LINES} lines), and a first line {@code library: NAME VERSION} names the library for the report. It is
 * stopped by its own process handle (children first), never by name.
 */
public final class DriverProcess implements AutoCloseable {
    static final int MAX_LINES = 200;
    private static final String LIBRARY = "library:";

    private final Process process;
    private final Transcript transcript;
    private final AtomicInteger lines = new AtomicInteger();
    private volatile String library;

    private DriverProcess(Process process, Transcript transcript) {
        this.process = process;
        this.transcript = transcript;
        copy(process.getInputStream(), "driver");
        copy(process.getErrorStream(), "driver stderr");
    }

    /**
     * Starts {@code command} with {@code options}.
     *
     * @throws IllegalStateException when the command cannot be started (not found, not executable)
     */
    public static DriverProcess start(DriverCommand command, DriverOptions options, Transcript transcript) {
        List<String> argv = command.with(options);
        transcript.event("driver", "starting " + String.join(" ", argv));
        try {
            Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            return new DriverProcess(p, transcript);
        } catch (IOException e) {
            transcript.failure("driver", "cannot start the client driver: " + e.getMessage());
            throw new IllegalStateException("cannot start the client driver '" + command.text() + "': "
                    + e.getMessage(), e);
        }
    }

    /** What the driver said it drives, e.g. {@code Eclipse Paho Java 1.2.5}; empty when it did not say. */
    public Optional<String> library() {
        return Optional.ofNullable(library);
    }

    /** The exit code once the driver has exited within {@code timeout}; empty while it still runs. */
    public OptionalInt awaitExit(Duration timeout) {
        try {
            if (process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return OptionalInt.of(process.exitValue());
            }
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    /** Ends the driver if it still runs: SIGTERM to it and its children, then SIGKILL after a grace period. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (awaitExit(Duration.ofSeconds(3)).isEmpty()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(3));
        }
    }

    private void copy(InputStream stream, String label) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (library == null && line.startsWith(LIBRARY)) {
                        library = line.substring(LIBRARY.length()).trim();
                    }
                    int n = lines.incrementAndGet();
                    if (n <= MAX_LINES) {
                        transcript.event(label, line);
                    } else if (n == MAX_LINES + 1) {
                        transcript.event(label, "(further output of the driver left out)");
                    }
                }
            } catch (IOException ignored) {
                // the driver ended
            }
        }, "driver-output");
        t.setDaemon(true);
        t.start();
    }
}
