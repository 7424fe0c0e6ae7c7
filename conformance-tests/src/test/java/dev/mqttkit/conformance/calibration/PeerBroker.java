package dev.mqttkit.conformance.calibration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A third-party broker started as a child process on free 127.0.0.1 ports, so the suite's verdicts can be calibrated
 * against brokers other than our own. The launcher material (pinned versions, scripts, configuration) lives in
 * {@code src/test/peers/}; {@code src/test/peers/install.sh} installs it. A broker counts as started only once it
 * says so (its ready line), and it is stopped by its process handle, never by name, so brokers that are not ours
 * are never touched.
 */
public final class PeerBroker implements AutoCloseable {

    /** The peers the calibration knows how to start, each with the broker's own name. */
    public enum Kind {
        AEDES("aedes"), MOQUETTE("moquette"), MOSQUITTO("mosquitto");

        private final String brokerName;

        Kind(String brokerName) {
            this.brokerName = brokerName;
        }
    }

    /** Whether a peer can be started here; if not, why and how to fix it (for {@code Assumptions}). */
    public record Availability(Kind kind, Optional<String> problem) {
        public boolean available() {
            return problem.isEmpty();
        }

        /** A skip reason a person can act on, or "available". */
        public String reason() {
            return problem.orElse("available");
        }
    }

    static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final int PORT_ATTEMPTS = 3;
    private static final int MIN_NODE_MAJOR = 20;

    private final Kind kind;
    private final Process process;
    private final Thread outputCopier;
    private final Thread shutdownHook;
    private final Path log;
    private final Ready ready;

    private PeerBroker(Kind kind, Process process, Thread outputCopier, Thread shutdownHook, Path log, Ready ready) {
        this.kind = kind;
        this.process = process;
        this.outputCopier = outputCopier;
        this.shutdownHook = shutdownHook;
        this.log = log;
        this.ready = ready;
    }

    /** Whether {@code kind} can be started on this machine, looking for launcher material in {@link #peersDir()}. */
    public static Availability availability(Kind kind) {
        return availability(kind, peersDir());
    }

    static Availability availability(Kind kind, Path peers) {
        return new Availability(kind, switch (kind) {
            case MOSQUITTO -> Files.isExecutable(MOSQUITTO) ? Optional.empty()
                    : Optional.of("mosquitto is not installed at " + MOSQUITTO + ": apt-get install -y mosquitto");
            case AEDES -> nodeProblem().or(() -> Files.isRegularFile(aedesPackage(peers)) ? Optional.empty()
                    : Optional.of("aedes is not installed in " + peers.resolve("aedes") + ": npm ci --prefix "
                            + peers.resolve("aedes")));
            case MOQUETTE -> moquetteClasspath(peers).isPresent() ? Optional.empty()
                    : Optional.of("the Moquette classpath is not resolved (" + classpathFile(peers) + "): mvn -q -B -f "
                            + peers.resolve("moquette/pom.xml") + " dependency:build-classpath");
        });
    }

    /**
     * Starts {@code kind} on free loopback ports and waits (at most {@link #READY_TIMEOUT}) until it is ready.
     *
     * @param workDir where the broker's configuration, data and log ({@code <kind>.log}) go; created if missing
     * @throws IllegalStateException if the peer is not available here ({@link #availability(Kind)} says why)
     * @throws IOException if it could not be started or did not become ready; the message ends with its last output
     */
    public static PeerBroker start(Kind kind, Path workDir) throws IOException {
        Path peers = peersDir();
        Availability availability = availability(kind, peers);
        if (!availability.available()) {
            throw new IllegalStateException(availability.reason());
        }
        Files.createDirectories(workDir);
        Path log = workDir.resolve(kind.brokerName + ".log");
        for (int attempt = 1; ; attempt++) {
            Launch launch = Launch.of(kind, peers, workDir.toAbsolutePath());
            Process process = launch.command().redirectErrorStream(true).start();
            // Until close(), a JVM that exits (a test run cut short) takes the broker with it.
            Thread hook = new Thread(process::destroyForcibly, "stop " + kind.brokerName + " " + process.pid());
            Runtime.getRuntime().addShutdownHook(hook);
            CompletableFuture<Ready> ready = new CompletableFuture<>();
            Thread copier = copyOutput(kind, process, log, launch, ready);
            try {
                Ready up = ready.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return new PeerBroker(kind, process, copier, hook, log, up);
            } catch (InterruptedException e) {
                stop(process, copier, hook);
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting for " + kind + " to start");
            } catch (ExecutionException | TimeoutException notReady) {
                stop(process, copier, hook);
                String output = tail(log);
                // Our free port was taken by someone else between choosing and binding it: choose again.
                if (attempt < PORT_ATTEMPTS && output.contains("in use")) {
                    continue;
                }
                throw new IOException(kind + " did not become ready within " + READY_TIMEOUT.toSeconds() + " s ("
                        + (notReady instanceof ExecutionException e ? e.getCause().getMessage() : notReady)
                        + "); last output:\n"
                        + output, notReady);
            }
        }
    }

    /** {@code tcp://127.0.0.1:PORT}, for {@code mqtt.broker}. */
    public String url() {
        return "tcp://127.0.0.1:" + ready.port();
    }

    /** {@code ws://127.0.0.1:PORT/mqtt} where the peer serves MQTT over WebSocket (Debian's mosquitto does not). */
    public Optional<String> webSocketUrl() {
        OptionalInt ws = ready.webSocketPort();
        return ws.isPresent() ? Optional.of("ws://127.0.0.1:" + ws.getAsInt() + "/mqtt") : Optional.empty();
    }

    /** The broker's own name, for {@code mqtt.target.name} and report folders. */
    public String name() {
        return kind.brokerName;
    }

    /** The exact version running, as the broker itself reported it when it became ready. */
    public String version() {
        return ready.version();
    }

    public Kind kind() {
        return kind;
    }

    /** The broker's output (standard output and error), for diagnosing a verdict. */
    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the broker by its handle: SIGTERM, then SIGKILL if it has not exited within {@link #STOP_GRACE}. */
    @Override
    public void close() {
        stop(process, outputCopier, shutdownHook);
    }

    @Override
    public String toString() {
        return name() + " " + version() + " at " + url() + webSocketUrl().map(ws -> " and " + ws).orElse("");
    }

    /**
     * Where the launcher material is: {@code -Dmqtt.peers.dir}, else {@code src/test/peers} as seen from the module
     * (Surefire and Failsafe run there) or from the repository root.
     */
    static Path peersDir() {
        String configured = System.getProperty("mqtt.peers.dir");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        Path fromModule = Path.of("src/test/peers");
        return (Files.isDirectory(fromModule) ? fromModule : Path.of("conformance-tests/src/test/peers"))
                .toAbsolutePath();
    }

    /** What a broker said when it became ready. */
    private record Ready(int port, OptionalInt webSocketPort, String version) {
    }

    /** How one kind is started: the command, and the ready line that yields its ports and version. */
    private record Launch(ProcessBuilder command, Pattern readyLine, int port, OptionalInt webSocketPort) {

        static Launch of(Kind kind, Path peers, Path workDir) throws IOException {
            return switch (kind) {
                case AEDES -> new Launch(new ProcessBuilder("node", peers.resolve("aedes/broker.mjs").toString(),
                        "--port", "0", "--ws-port", "0"),
                        Pattern.compile("aedes (\\S+) ready tcp=127\\.0\\.0\\.1:(\\d+)(?: ws=127\\.0\\.0\\.1:(\\d+))?"),
                        0, OptionalInt.empty());
                case MOQUETTE -> moquette(peers, workDir);
                case MOSQUITTO -> mosquitto(workDir);
            };
        }

        private static Launch moquette(Path peers, Path workDir) throws IOException {
            int[] ports = freePorts(2);
            Files.createDirectories(workDir.resolve("config"));
            // telemetry_enabled false: else Moquette reports to its authors' server at start; nothing leaves here.
            Files.writeString(workDir.resolve("config/moquette.conf"), String.join("\n",
                    "host 127.0.0.1", "port " + ports[0], "websocket_port " + ports[1], "allow_anonymous true",
                    "persistence_enabled false", "data_path " + workDir.resolve("moquette-data"),
                    "telemetry_enabled false", "use_bugsnag false", "use_metrics false", ""));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return new Launch(new ProcessBuilder(java, "-Dmoquette.path=" + workDir,
                    "-Dlog4j.configuration=" + peers.resolve("moquette/log4j.properties").toUri(),
                    "-cp", moquetteClasspath(peers).orElseThrow(), "io.moquette.broker.Server"),
                    Pattern.compile("Server started, version (\\S+)"), ports[0], OptionalInt.of(ports[1]));
        }

        private static Launch mosquitto(Path workDir) throws IOException {
            int port = freePorts(1)[0];
            Path conf = workDir.resolve("mosquitto.conf");
            // stderr, not stdout: mosquitto buffers stdout in a pipe, and the ready line must come when printed.
            Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
                    + "log_dest stderr\n");
            return new Launch(new ProcessBuilder(MOSQUITTO.toString(), "-c", conf.toString()),
                    Pattern.compile("mosquitto version (\\S+) running"), port, OptionalInt.empty());
        }

        /** The ready line's content, or empty if {@code line} is not the ready line. */
        Optional<Ready> ready(String line) {
            Matcher m = readyLine.matcher(line);
            if (!m.find()) {
                return Optional.empty();
            }
            if (port != 0) {
                return Optional.of(new Ready(port, webSocketPort, m.group(1)));
            }
            return Optional.of(new Ready(Integer.parseInt(m.group(2)),
                    m.group(3) == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(m.group(3))),
                    m.group(1)));
        }
    }

    /**
     * Copies the broker's output into its log file, completing {@code ready} at the ready line or failing it at exit.
     */
    private static Thread copyOutput(Kind kind, Process process, Path log, Launch launch,
                                     CompletableFuture<Ready> ready)
            throws IOException {
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        Thread copier = new Thread(() -> {
            try (out; BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.write(line);
                    out.write('\n');
                    out.flush();
                    if (!ready.isDone()) {
                        launch.ready(line).ifPresent(ready::complete);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(new UncheckedIOException(e));
            }
            if (!ready.isDone()) {
                ready.completeExceptionally(new IOException("it exited with code "
                        + process.onExit().join().exitValue() + " before printing its ready line"));
            }
        }, "output of " + kind.brokerName + " " + process.pid());
        copier.setDaemon(true);
        copier.start();
        return copier;
    }

    private static void stop(Process process, Thread outputCopier, Thread shutdownHook) {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmAlreadyShuttingDown) {
            // the hook is running or about to run, and stops the process
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            outputCopier.join(STOP_GRACE.toMillis());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    private static Optional<String> nodeProblem() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!node.waitFor(10, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                return Optional.of("node --version did not answer within 10 s");
            }
            Matcher major = Pattern.compile("^v(\\d+)\\.").matcher(out);
            return major.find() && Integer.parseInt(major.group(1)) >= MIN_NODE_MAJOR ? Optional.empty()
                    : Optional.of("aedes needs Node.js " + MIN_NODE_MAJOR + " or newer, found " + out);
        } catch (IOException e) {
            return Optional.of("Node.js is not installed (no node on PATH): apt-get install -y nodejs npm");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while asking node for its version");
        }
    }

    private static Path aedesPackage(Path peers) {
        return peers.resolve("aedes/node_modules/aedes/package.json");
    }

    private static Path classpathFile(Path peers) {
        return peers.resolve("moquette/target/classpath.txt");
    }

    /** The resolved classpath, if it was resolved and every jar on it is still there. */
    private static Optional<String> moquetteClasspath(Path peers) {
        try {
            String cp = Files.readString(classpathFile(peers)).trim();
            boolean complete = !cp.isEmpty()
                    && List.of(cp.split(java.io.File.pathSeparator)).stream()
                            .allMatch(p -> Files.isRegularFile(Path.of(p)));
            return complete ? Optional.of(cp) : Optional.empty();
        } catch (IOException notResolved) {
            return Optional.empty();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
