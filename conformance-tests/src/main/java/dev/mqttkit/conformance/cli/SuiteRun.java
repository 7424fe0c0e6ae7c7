package dev.mqttkit.conformance.cli;

import dev.mqttkit.report.ConformanceReportListener;
import dev.mqttkit.report.model.TargetRun;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The suite launched through the JUnit Platform, either for real with the report listener attached directly (so its
 * verdicts can be read afterwards) or as a dry run that lists what would run. Auto-registered listeners are switched
 * off: the service-registered instance of the report listener would otherwise write the report a second time. The
 * settings travel as the launch's configuration parameters, which the suite and the report read before system
 * properties: nothing global is changed, so runs in one JVM cannot see each other's settings.
 */
final class SuiteRun {

    /** A test a run would execute: its key (as expectations files name it), version and statements. */
    record Listed(String key, String version, List<String> statements) {
    }

    record Outcome(List<TargetRun> targets, TestExecutionSummary junit) {
    }

    private final String suitePackage;
    private final Map<String, String> properties;
    private final Map<String, String> junitConfiguration;

    /**
     * @param properties         the settings ({@code mqtt.*}) given on the command line
     * @param junitConfiguration how the tests run ({@link dev.mqttkit.conformance.SuiteExecution})
     */
    SuiteRun(String suitePackage, Map<String, String> properties, Map<String, String> junitConfiguration) {
        this.suitePackage = suitePackage;
        this.properties = Map.copyOf(properties);
        this.junitConfiguration = Map.copyOf(junitConfiguration);
    }

    /** The tests a run would execute, in the order the suite runs them one at a time; connects to nothing. */
    List<Listed> list() {
        Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();
        List<Listed> listed = new ArrayList<>();
        TestExecutionListener collector = new TestExecutionListener() {
            @Override
            public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
                entries.computeIfAbsent(id.getUniqueId(), k -> new HashMap<>()).putAll(entry.getKeyValuePairs());
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                Map<String, String> e = entries.remove(id.getUniqueId());
                if (e != null && e.containsKey(DryRunExtension.KEY)) {
                    String statements = e.get(DryRunExtension.STATEMENTS);
                    listed.add(new Listed(e.get(DryRunExtension.KEY), e.get(DryRunExtension.VERSION),
                            DryRunExtension.NONE.equals(statements) ? List.of() : List.of(statements.split(","))));
                }
            }
        };
        Map<String, String> config = new LinkedHashMap<>(configuration());
        config.keySet().removeIf(k -> k.startsWith("junit.jupiter.execution.parallel"));
        config.putAll(DryRunExtension.CONFIGURATION);
        launcher(collector).execute(request().selectors(selectPackage(suitePackage))
                .configurationParameters(config).build());
        return List.copyOf(listed);
    }

    /** Runs the suite, writing the report to {@code reportDir}; report problems go to {@code problems}. */
    Outcome execute(Path reportDir, PrintStream problems, List<TestExecutionListener> listeners) {
        ConformanceReportListener report = new ConformanceReportListener(reportDir, problems, Clock.systemUTC());
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        List<TestExecutionListener> all = new ArrayList<>(listeners);
        all.add(report);
        all.add(summary);
        launcher(all.toArray(TestExecutionListener[]::new)).execute(request()
                .selectors(selectPackage(suitePackage)).configurationParameters(configuration()).build());
        return new Outcome(report.results(), summary.getSummary());
    }

    private Map<String, String> configuration() {
        Map<String, String> c = new LinkedHashMap<>(junitConfiguration);
        c.putAll(properties);
        return c;
    }

    private static Launcher launcher(TestExecutionListener... listeners) {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(listeners)
                .build());
    }
}
