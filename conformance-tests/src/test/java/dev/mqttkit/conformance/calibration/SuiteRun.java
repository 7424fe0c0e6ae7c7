package dev.mqttkit.conformance.calibration;

import dev.mqttkit.conformance.SuiteExecution;
import dev.mqttkit.contract.Cascade;
import dev.mqttkit.contract.EntryKey;
import dev.mqttkit.contract.StatementIds;
import dev.mqttkit.contract.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Runs the conformance suite, or the client suite, through the JUnit Platform Launcher, as a broker's or client
 * library's build or the command line would, and collects each test's verdict from the report entries it published.
 */
public final class SuiteRun {

    /**
     * One finished conformance test: its stable key, the statements it checked in its version, the verdict and why,
     * the cascade it belongs to, and what it observed.
     */
    public record Result(String key, List<String> statements, String version, Verdict verdict, String reason,
                         Optional<Cascade> cascade, String observed) {
        /**
         * A timing test that could not check anything because the machine running the suite was too busy to keep
         * time: an honest outcome on a loaded machine, and never a verdict about the broker.
         */
        public boolean tooBusy() {
            return verdict == Verdict.INCONCLUSIVE && reason != null && reason.contains("too busy");
        }

        @Override
        public String toString() {
            return key + " " + verdict + (reason == null ? "" : ": " + reason);
        }
    }

    private SuiteRun() {
    }

    /** Runs the broker suite with the report listener active: the run's pages land in the report folder. */
    static List<Result> run(Map<String, String> config) {
        return run(config, true);
    }

    /** Runs the broker suite the way {@link SuiteExecution} says. */
    static List<Result> run(Map<String, String> config, boolean report) {
        return run(SuiteExecution.TESTS, SuiteExecution.PARALLELISM, config, report);
    }

    /**
     * @param testPackage the suite: {@link SuiteExecution#TESTS} or the client suite's package
     * @param parallelism tests at the same time unless {@code config} says otherwise
     * @param report      whether listeners registered through {@code META-INF/services} (the HTML report) see the
     *                    run; calibration runs against deliberately faulty targets are not worth a page each
     */
    public static List<Result> run(String testPackage, String parallelism, Map<String, String> config,
                                   boolean report) {
        Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();
        List<Result> results = Collections.synchronizedList(new ArrayList<>());
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
                entries.computeIfAbsent(id.getUniqueId(), k -> new ConcurrentHashMap<>())
                        .putAll(entry.getKeyValuePairs());
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                Map<String, String> e = entries.getOrDefault(id.getUniqueId(), Map.of());
                if (!id.isTest() || !e.containsKey(EntryKey.VERDICT.key())) {
                    return;
                }
                String statements = e.getOrDefault(EntryKey.STATEMENTS.key(), "");
                results.add(new Result(e.get(EntryKey.TEST_KEY.key()), StatementIds.parse(List.of(statements)),
                        e.get(EntryKey.VERSION.key()), Verdict.parse(e.get(EntryKey.VERDICT.key())).orElseThrow(),
                        e.get(EntryKey.REASON.key()), Cascade.parse(e.get(EntryKey.CASCADE.key())),
                        e.get(EntryKey.OBSERVED.key())));
            }
        };
        Map<String, String> params = new HashMap<>(config);
        SuiteExecution.configuration(Integer.parseInt(parallelism)).forEach(params::putIfAbsent);
        LauncherConfig launcherConfig = LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(report).build();
        LauncherFactory.create(launcherConfig).execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage(testPackage))
                .configurationParameters(params).build(), listener);
        return List.copyOf(results);
    }
}
