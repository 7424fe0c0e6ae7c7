package dev.mqttkit.report;

import dev.mqttkit.report.fakes.Entries;
import dev.mqttkit.report.model.TargetRun;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/** Runs the fake test classes of a package through a real launcher with the report listener attached. */
public final class FakeRuns {

    static final String FAKES = "dev.mqttkit.report.fakes.";

    final ByteArrayOutputStream problems = new ByteArrayOutputStream();
    final ConformanceReportListener listener;

    public FakeRuns(Path reportDir) {
        this.listener = new ConformanceReportListener(reportDir,
                new PrintStream(problems, true, StandardCharsets.UTF_8), Clock.systemUTC());
    }

    /** Executes {@code dev.mqttkit.report.fakes.<subPackage>} and returns this for the assertions. */
    public FakeRuns run(String subPackage) {
        return run(subPackage, Map.of());
    }

    /** Executes the fakes with these system properties set for the run, as the command line sets its options. */
    public FakeRuns run(String subPackage, Map<String, String> properties) {
        Map<String, String> previous = new HashMap<>();
        properties.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
        try {
            withFakesEnabled(() -> {
                launcher(listener).execute(discovery(subPackage));
                return null;
            });
        } finally {
            previous.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
        return this;
    }

    /**
     * {@code FakeRuns SUB_PACKAGE REPORT_DIR}: a run in a JVM of its own, for tests that stop that JVM from outside.
     * The fakes must be enabled with {@code -Dmqttkit.report.fakes=true}.
     */
    public static void main(String[] args) {
        launcher(new ConformanceReportListener(Path.of(args[1]), System.err, Clock.systemUTC()))
                .execute(discovery(args[0]));
    }

    static TestPlan discover(String subPackage) {
        return withFakesEnabled(() -> launcher().discover(discovery(subPackage)));
    }

    /** The targets of the run, as the listener reports them. */
    public List<TargetRun> results() {
        return listener.results();
    }

    public String problems() {
        return problems.toString(StandardCharsets.UTF_8);
    }

    public static <T> T withFakesEnabled(Supplier<T> action) {
        String previous = System.setProperty(Entries.ENABLED, "true");
        try {
            return action.get();
        } finally {
            if (previous == null) {
                System.clearProperty(Entries.ENABLED);
            } else {
                System.setProperty(Entries.ENABLED, previous);
            }
        }
    }

    private static LauncherDiscoveryRequest discovery(String subPackage) {
        return request().selectors(selectPackage(FAKES + subPackage)).build();
    }

    /** Auto-registration is off, so the service-registered listener does not write into the module folder. */
    private static Launcher launcher(TestExecutionListener... listeners) {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(listeners)
                .build());
    }
}
