package dev.mqttkit.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.contract.EntryKey;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A broker nobody can reach is one finding, not hundreds: the reachability check fails with the error and the URL,
 * and the conformance classes are skipped without running a test.
 */
class UnreachableTargetTests {

    private final Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();
    private final Map<String, TestExecutionResult> finished = new ConcurrentHashMap<>();
    private final Map<String, String> skipped = new ConcurrentHashMap<>();
    private final List<String> started = new CopyOnWriteArrayList<>();

    @Test
    void reportsTheUnreachableBrokerOnceAndSkipsTheConformanceClasses() throws IOException {
        String url = "tcp://127.0.0.1:" + closedPort();

        run(url);

        String check = "[class:dev.mqttkit.conformance.suite.TargetTests]";
        assertThat(finished).hasEntrySatisfying(idEndingWith(check + "/[method:brokerAcceptsAConnection"),
                r -> assertThat(r.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED));
        Map<String, String> published = entries.get(idEndingWith(check + "/[method:brokerAcceptsAConnection"));
        assertThat(published.get(EntryKey.TARGET_ERROR.key()))
                .startsWith("cannot connect to the broker at " + url + ": ")
                .contains("refused");
        assertThat(published.get(EntryKey.TARGET.key())).contains("\"url\":\"" + url + "\"", "\"broker\":null");
        assertThat(skipped).containsKeys(classId("ConnectTests"), classId("PublishTests"));
        assertThat(skipped.get(classId("ConnectTests")))
                .isEqualTo("the broker could not be reached: " + published.get(EntryKey.TARGET_ERROR.key()));
        assertThat(started).allMatch(id -> id.contains(check) || !id.contains("[method:")
                && !id.contains("[test-template:") && !id.contains("[test-factory:"));
    }

    private void run(String url) {
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
                entries.computeIfAbsent(id.getUniqueId(), k -> new ConcurrentHashMap<>())
                        .putAll(entry.getKeyValuePairs());
            }

            @Override
            public void executionStarted(TestIdentifier id) {
                started.add(id.getUniqueId());
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                skipped.put(id.getUniqueId(), reason);
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                finished.put(id.getUniqueId(), result);
            }
        };
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(LauncherDiscoveryRequestBuilder.request()
                        .selectors(DiscoverySelectors.selectClass("dev.mqttkit.conformance.suite.TargetTests"),
                                DiscoverySelectors.selectClass("dev.mqttkit.conformance.suite.ConnectTests"),
                                DiscoverySelectors.selectClass("dev.mqttkit.conformance.suite.PublishTests"))
                        .configurationParameters(Map.of("mqtt.broker", url, "mqtt.target.name", "unreachable"))
                        .build(), listener);
    }

    private String idEndingWith(String suffix) {
        return finished.keySet().stream().filter(id -> id.contains(suffix)).findFirst().orElse(suffix);
    }

    private static String classId(String simpleName) {
        return "[engine:junit-jupiter]/[class:dev.mqttkit.conformance.suite." + simpleName + "]";
    }

    /** A loopback port nothing listens on: bound by the system, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
