package dev.mqttkit.report;

import dev.mqttkit.contract.Catalogue;
import dev.mqttkit.contract.Setting;
import dev.mqttkit.contract.Settings;
import dev.mqttkit.report.model.TargetRun;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes the HTML and JSON conformance report of a test run, like JUnit's XML reporting listener writes XML.
 * Registered through {@code META-INF/services}, so Maven, an IDE or any launcher with the suite on the class path
 * produce the report. It stays silent for runs in which no test published a {@code mqttkit.*} entry, so it is
 * harmless on the class path of unrelated tests.
 *
 * <p>If the run is cut short, a partial report is still written: every {@value #INCREMENTAL_SECONDS} seconds while
 * tests finish, and from a JVM shutdown hook, which also says on stderr where it is. A run limited by
 * {@code mqtt.only} is marked filtered: its pages say so and give no overall score.
 */
public class ConformanceReportListener implements TestExecutionListener {

    static final int INCREMENTAL_SECONDS = 10;
    /** The target of tests that did not say which broker they ran against. */
    static final String UNKNOWN_TARGET = "unknown-target";

    private final Path fixedReportDir;
    private final PrintStream problems;
    private final Clock clock;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile RunRecorder recorder;
    private volatile ReportWriter writer;
    private volatile RunAssembler assembler;
    private volatile List<TargetRun> lastRuns = List.of();
    private Thread shutdownHook;
    private volatile Instant lastWrite = Instant.EPOCH;

    /** The registered form: report folder and fallback target name from the contract's system properties. */
    public ConformanceReportListener() {
        this(null, System.err, Clock.systemUTC());
    }

    /**
     * @param reportDir where to write, or null to read {@code mqtt.report.dir} when the run starts
     * @param problems  where I/O problems are reported instead of being thrown into the run
     */
    public ConformanceReportListener(Path reportDir, PrintStream problems, Clock clock) {
        this.fixedReportDir = reportDir;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        Settings settings = settings(testPlan);
        Path dir = fixedReportDir != null ? fixedReportDir : Path.of(settings.get(Setting.REPORT_DIR));
        Catalogue catalogue = catalogue(problems);
        writer = new ReportWriter(dir, catalogue, problems, clock);
        assembler = new RunAssembler(catalogue, settings.given(Setting.TARGET_NAME).orElse(UNKNOWN_TARGET),
                settings.given(Setting.ONLY).orElse(null));
        recorder = new RunRecorder(testPlan, clock);
        lastRuns = List.of();
        lastWrite = clock.instant();
        installShutdownHook();
    }

    @Override
    public void executionStarted(TestIdentifier testIdentifier) {
        RunRecorder r = recorder;
        if (r != null) {
            r.started(testIdentifier);
        }
    }

    @Override
    public void executionSkipped(TestIdentifier testIdentifier, String reason) {
        RunRecorder r = recorder;
        if (r != null) {
            r.skipped(testIdentifier, reason);
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier testIdentifier, ReportEntry entry) {
        RunRecorder r = recorder;
        if (r != null) {
            r.entry(testIdentifier, entry);
        }
    }

    @Override
    public void executionFinished(TestIdentifier testIdentifier, TestExecutionResult testExecutionResult) {
        RunRecorder r = recorder;
        if (r == null) {
            return;
        }
        r.finished(testIdentifier, testExecutionResult);
        if (testIdentifier.isTest() && r.isConformanceRun() && incrementalWriteDue()
                && writeLock.tryLock()) {
            // tryLock: a test thread that finds a write in progress goes on with its test instead of waiting.
            try {
                write(r);
            } finally {
                writeLock.unlock();
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        RunRecorder r = recorder;
        if (r == null) {
            return;
        }
        r.planFinished();
        removeShutdownHook();
        write(r);
    }

    /**
     * The catalogue, or an empty one when it cannot be read: the report must still be written then, and statements
     * appear with the ids the tests published only.
     */
    public static Catalogue catalogue(PrintStream problems) {
        try {
            return Catalogue.load();
        } catch (RuntimeException e) {
            problems.println("mqttkit report: " + e.getMessage() + "; statements are listed without paraphrases");
            return Catalogue.empty();
        }
    }

    /**
     * The targets of the last run as written to the report (partial while the run is going on); empty when no
     * conformance test ran. The command line reads its exit code from here.
     */
    public List<TargetRun> results() {
        return lastRuns;
    }

    /** What the shutdown hook does: write whatever has been recorded, marked partial, and say where it is. */
    void writePartial() {
        RunRecorder r = recorder;
        if (r != null && !r.isFinished()) {
            for (Path page : write(r)) {
                problems.println("mqttkit report: the run was stopped before it finished; partial report: "
                        + page.toAbsolutePath().normalize());
            }
        }
    }

    /**
     * The run's settings: the launcher's configuration parameters (which JUnit backs with system properties), then
     * system properties, then the environment.
     */
    private static Settings settings(TestPlan plan) {
        return new Settings(key -> {
            try {
                return plan.getConfigurationParameters().get(key).orElseGet(() -> System.getProperty(key));
            } catch (RuntimeException | LinkageError e) {
                return System.getProperty(key);
            }
        }, System.getenv());
    }

    private boolean incrementalWriteDue() {
        return Duration.between(lastWrite, clock.instant()).getSeconds() >= INCREMENTAL_SECONDS;
    }

    /** Writes the report of what has been recorded; returns the target pages written. */
    private List<Path> write(RunRecorder r) {
        if (!r.isConformanceRun()) {
            return List.of();
        }
        writeLock.lock();
        try {
            List<TargetRun> runs = assembler.assemble(r.snapshot());
            lastRuns = runs;
            return writer.write(runs);
        } catch (RuntimeException | LinkageError e) {
            problems.println("mqttkit report: cannot build the conformance report: " + e);
            return List.of();
        } finally {
            lastWrite = clock.instant();
            writeLock.unlock();
        }
    }

    private synchronized void installShutdownHook() {
        removeShutdownHook();
        Thread hook = new Thread(this::writePartial, "mqttkit-report-partial");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            shutdownHook = hook;
        } catch (IllegalStateException | SecurityException e) {
            problems.println("mqttkit report: no partial report on interruption: " + e);
        }
    }

    private synchronized void removeShutdownHook() {
        if (shutdownHook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | SecurityException e) {
            // The JVM is already shutting down; the hook will write the partial report, which is right.
        }
        shutdownHook = null;
    }
}
