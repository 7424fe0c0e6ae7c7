package dev.mqttkit.conformance.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.conformance.expect.Expectations;
import dev.mqttkit.contract.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole suite over {@code ws://} against the peers that serve MQTT over WebSocket (aedes and Moquette; Debian's
 * mosquitto does not), beside a TCP run against the same broker, each run with the broker freshly started.
 *
 * <p>The tests of MQTT 3.1.1 chapter 6 are not applicable over TCP; over WebSocket their verdicts must match the
 * audited file {@code src/test/resources/expectations/<broker>-ws.json} exactly (a test the broker could not be
 * checked in, after it stopped answering, excepted). Every other test checks the same statements over either
 * transport, so a verdict that differs is a finding: each is written to {@code <report dir>/<broker>-ws-vs-tcp.txt}
 * for the audit. These brokers answer a few tests differently from one run to the next on one transport (timing-bound
 * cases, Moquette's dying worker threads), so up to {@value #TOLERATED_DIFFERENCES} differences are taken for that;
 * more mean the transport itself changed what the suite sees.
 */
class PeerWebSocketIT {
    /** Observed between a TCP and a WebSocket run: aedes 0-1, Moquette 2-5, each time other tests. */
    static final int TOLERATED_DIFFERENCES = 10;
    private static final String WEBSOCKET_TESTS = "WebSocketTests#";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = PeerBroker.Kind.class, names = {"AEDES", "MOQUETTE"})
    void runsTheSuiteOverWebSocketWithTheVerdictsOfTcpAndTheAuditedOnesOfChapter6(PeerBroker.Kind kind)
            throws Exception {
        PeerBroker.Availability availability = PeerBroker.availability(kind);
        Assumptions.assumeTrue(availability.available(), availability::reason);
        String name = kind.name().toLowerCase(Locale.ROOT);
        Path file = Path.of("src/test/resources/expectations", name + "-ws.json");
        Expectations audited = Expectations.read(file);

        Map<String, SuiteRun.Result> tcp = run(kind, name, false);
        Map<String, SuiteRun.Result> ws = run(kind, name, true);

        List<String> differences = differences(subset(tcp, false), subset(ws, false));
        Path findings = write(name, tcp, ws, differences);
        assertThat(subset(tcp, true).values()).as("the tests of chapter 6 over TCP against %s", name).isNotEmpty()
                .allMatch(r -> r.verdict() == Verdict.NOT_APPLICABLE, "not applicable");
        assertThat(chapter6Differences(audited, ws)).as("the tests of chapter 6 over WebSocket against %s, compared "
                + "with %s", name, file).isEmpty();
        assertThat(ws.keySet()).as("the tests run over both transports").isEqualTo(tcp.keySet());
        assertThat(differences).as("verdicts against %s that differ between TCP and WebSocket (see %s)", name,
                findings).hasSizeLessThanOrEqualTo(TOLERATED_DIFFERENCES);
    }

    private Map<String, SuiteRun.Result> run(PeerBroker.Kind kind, String name, boolean webSocket) throws Exception {
        Path work = Files.createDirectories(dir.resolve(webSocket ? "ws" : "tcp"));
        try (PeerBroker broker = PeerBroker.start(kind, work)) {
            String url = webSocket ? broker.webSocketUrl().orElseThrow() : broker.url();
            List<SuiteRun.Result> results = SuiteRun.run(Map.of("mqtt.broker", url, "mqtt.target.name",
                    name + (webSocket ? "-ws" : "-tcp"), "mqtt.prefix", "k" + name.charAt(0)), webSocket);
            assertThat(results).as("tests run against %s at %s", name, url).hasSizeGreaterThan(100);
            return results.stream().collect(Collectors.toMap(SuiteRun.Result::key, Function.identity(),
                    (a, b) -> a, TreeMap::new));
        }
    }

    /** The tests of chapter 6, or all the others. */
    private static Map<String, SuiteRun.Result> subset(Map<String, SuiteRun.Result> results, boolean chapter6) {
        Map<String, SuiteRun.Result> out = new TreeMap<>();
        results.forEach((k, r) -> {
            if (k.startsWith(WEBSOCKET_TESTS) == chapter6) {
                out.put(k, r);
            }
        });
        return out;
    }

    /**
     * Where the run's tests of chapter 6 and the audited file disagree: every result but PASS must be listed with its
     * verdict, and every listed one must occur. INCONCLUSIVE passes once the broker stopped answering in the run.
     */
    static List<String> chapter6Differences(Expectations audited, Map<String, SuiteRun.Result> run) {
        boolean stopped = run.values().stream().anyMatch(r -> r.cascade().isPresent());
        List<String> out = new ArrayList<>();
        subset(run, true).forEach((key, r) -> {
            Optional<Expectations.Entry> e = audited.find(key, r.statements(), r.version(), r.verdict());
            Verdict expected = e.map(Expectations.Entry::verdict).orElse(Verdict.PASS);
            if (r.verdict() != expected && !(stopped && r.verdict() == Verdict.INCONCLUSIVE)) {
                out.add(key + " was " + r.verdict() + ", listed " + expected + ": " + r.reason());
            }
        });
        for (Expectations.Entry e : audited.entries()) {
            if (e.test() == null || !e.test().startsWith(WEBSOCKET_TESTS)) {
                out.add("the file lists " + e.subject() + ": it lists tests of chapter 6 only, by their keys");
            } else if (!run.containsKey(e.test())) {
                out.add("the file lists " + e.subject() + ", which did not run");
            }
        }
        return out;
    }

    /** Tests whose verdict differs between the runs, with both reasons. */
    private static List<String> differences(Map<String, SuiteRun.Result> tcp, Map<String, SuiteRun.Result> ws) {
        List<String> out = new ArrayList<>();
        tcp.forEach((k, t) -> {
            SuiteRun.Result w = ws.get(k);
            if (w != null && w.verdict() != t.verdict()) {
                out.add(k + ": TCP " + t.verdict() + ", WebSocket " + w.verdict() + "\n    TCP: " + t.reason()
                        + "\n    WebSocket: " + w.reason());
            }
        });
        return out;
    }

    private static Path write(String name, Map<String, SuiteRun.Result> tcp, Map<String, SuiteRun.Result> ws,
                              List<String> differences) throws IOException {
        StringBuilder b = new StringBuilder(name + ": TCP " + counts(tcp) + "; WebSocket " + counts(ws) + "\n");
        b.append("chapter 6 over WebSocket:\n");
        subset(ws, true).values().forEach(r -> b.append("  ").append(r).append('\n'));
        b.append(differences.size()).append(" other tests differ between the transports\n");
        differences.forEach(d -> b.append("  ").append(d).append('\n'));
        Path reports = Files.createDirectories(Path.of(System.getProperty("mqtt.report.dir", "target")));
        return Files.writeString(reports.resolve(name + "-ws-vs-tcp.txt"), b);
    }

    private static String counts(Map<String, SuiteRun.Result> results) {
        return results.values().stream().collect(Collectors.groupingBy(SuiteRun.Result::verdict, TreeMap::new,
                Collectors.counting())).toString();
    }
}
