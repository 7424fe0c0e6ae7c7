package dev.mqttkit.conformance.cli;

import dev.mqttkit.report.ConformanceReportListener;
import dev.mqttkit.report.model.TargetRun;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * One execution of the suite through the JUnit Platform launcher, with the report listener attached directly so
 * that its verdicts can be read afterwards. Auto-registered listeners are switched off: the service-registered
 * instance of the same listener would otherwise write the report a second time.
 */
final class SuiteRun {

    private final String suitePackage;
    private final Path reportDir;
    private final Map<String, String> properties;
    private final Map<String, String> junitConfiguration;
    private final PrintStream out;

    SuiteRun(String suitePackage, Path reportDir, Map<String, String> properties,
             Map<String, String> junitConfiguration, PrintStream out) {
        this.suitePackage = suitePackage;
        this.reportDir = reportDir;
        this.properties = properties;
        this.junitConfiguration = junitConfiguration;
        this.out = out;
    }

    record Outcome(List<TargetRun> targets, TestExecutionSummary junit) {
    }

    Outcome execute() {
        Map<String, String> previous = new HashMap<>();
        properties.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
        try {
            ConformanceReportListener report = new ConformanceReportListener(reportDir, System.err,
                    Clock.systemUTC());
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .addTestExecutionListeners(report, summary, new ProgressListener(out))
                    .build());
            LauncherDiscoveryRequest discovery = request().selectors(selectPackage(suitePackage))
                    .configurationParameters(junitConfiguration).build();
            launcher.execute(discovery);
            return new Outcome(report.results(), summary.getSummary());
        } finally {
            previous.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }
}
