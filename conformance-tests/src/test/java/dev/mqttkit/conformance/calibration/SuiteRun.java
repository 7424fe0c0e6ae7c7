package dev.mqttkit.conformance.calibration;

import dev.mqttkit.conformance.SuiteExecution;
import dev.mqttkit.contract.EntryKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the conformance suite through the JUnit Platform Launcher, as a broker author's build or the report's CLI
 * would, and collects each test's verdict from the report entries it published.
 */
final class SuiteRun {

    /** One finished conformance test. */
    record Result(String name, String statements, String version, String verdict, String reason) {
        /** A stable key for baselines: the test's display path and version. */
        String key() {
            return name;
        }
    }

    private SuiteRun() {
    }

    /** Runs the suite with the report listener active: the run's pages land in the report folder. */
    static List<Result> run(Map<String, String> config) {
        return run(config, true);
    }

    /**
     * @param report whether listeners registered through {@code META-INF/services} (the HTML report) see the run;
     *               calibration runs against deliberately faulty brokers are not worth a page each
     */
    static List<Result> run(Map<String, String> config, boolean report) {
        Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();
        List<Result> results = java.util.Collections.synchronizedList(new ArrayList<>());
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
                entries.computeIfAbsent(id.getUniqueId(), k -> new ConcurrentHashMap<>()).putAll(entry.getKeyValuePairs());
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                Map<String, String> e = entries.getOrDefault(id.getUniqueId(), Map.of());
                if (!id.isTest() || !e.containsKey(EntryKey.VERDICT.key())) {
                    return;
                }
                results.add(new Result(displayPath(id), e.get(EntryKey.STATEMENTS.key()), e.get(EntryKey.VERSION.key()),
                        e.get(EntryKey.VERDICT.key()), e.get(EntryKey.REASON.key())));
            }

            private String displayPath(TestIdentifier id) {
                String unique = id.getUniqueId();
                String cls = unique.replaceAll(".*\\[class:dev\\.mqttkit\\.conformance\\.suite\\.([A-Za-z0-9]+)\\].*", "$1");
                String method = unique.contains("[test-template:")
                        ? unique.replaceAll(".*\\[test-template:([A-Za-z0-9]+)\\(.*", "$1") : "";
                return cls + (method.isEmpty() ? "" : "#" + method) + " " + parentNames.getOrDefault(
                        id.getParentId().orElse(""), "") + id.getDisplayName();
            }

            private final Map<String, String> parentNames = new ConcurrentHashMap<>();

            @Override
            public void executionStarted(TestIdentifier id) {
                if (id.getUniqueId().contains("dynamic-container")) {
                    parentNames.put(id.getUniqueId(), id.getDisplayName() + " / ");
                }
            }
        };
        Map<String, String> params = new HashMap<>(config);
        SuiteExecution.configuration(Integer.parseInt(SuiteExecution.PARALLELISM)).forEach(params::putIfAbsent);
        LauncherConfig launcherConfig = LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(report).build();
        LauncherFactory.create(launcherConfig).execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage(SuiteExecution.TESTS))
                .configurationParameters(params).build(), listener);
        return List.copyOf(results);
    }
}
