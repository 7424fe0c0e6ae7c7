package dev.mqttkit.conformance.cli;

import dev.mqttkit.conformance.SuiteExecution;
import dev.mqttkit.conformance.clientside.ClientSuiteExecution;
import dev.mqttkit.conformance.cli.UsageChecks.InvalidUsage;
import dev.mqttkit.contract.Setting;
import dev.mqttkit.contract.Settings;
import dev.mqttkit.report.ConformanceReportListener;
import dev.mqttkit.report.ReportWriter;
import dev.mqttkit.report.junit.JUnitXmlWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.platform.launcher.TestExecutionListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the conformance suite against a broker, or the client suite against a client library's driver, without Maven,
 * writes the same report as a Maven run, and exits with a code a CI job can act on ({@link ExitStatus}). Every option
 * is checked before anything starts; options become the suite's settings ({@link Setting}), which the suite itself
 * interprets.
 */
@Command(name = "mqttkit-conformance", sortOptions = false, usageHelpAutoWidth = true,
        versionProvider = ToolVersion.class,
        description = "Checks an MQTT 3.1 / 3.1.1 broker (or, with --client, a client library) against the mqttkit "
                + "conformance suite and writes an HTML report (and, on request, JUnit XML).%n",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:no MUST statement failed that the expectations file (--expect) does not list",
            "1:a MUST statement failed that the expectations file does not list, or, with --strict-expectations, a "
                    + "deviation it lists no longer happens",
            "2:invalid command line or setting; nothing was started",
            "3:the broker could not be tested: nothing answered, it accepted no CONNECT, or it did not start; or no "
                    + "test could check anything (a client library's driver that never starts)"})
public final class ConformanceCli implements Callable<Integer> {

    @Option(names = "--broker", paramLabel = "URL", description = "tcp://HOST[:PORT], ssl://HOST[:PORT], "
            + "ws://HOST[:PORT][/PATH] or wss://...; mqtt:// and mqtts:// are aliases of tcp:// and ssl://; embedded or"
            + " embedded+ws: the reference broker in this JVM, over TCP or WebSocket (the default: embedded, if "
            + "packaged)")
    String broker;

    @Option(names = "--client", paramLabel = "COMMAND", description = "test a client library instead: the command "
            + "line of its driver (clients/README.md), which the suite, playing the broker, starts once per case with "
            + "--url, --client-id and the case's other options appended")
    String client;

    @Option(names = "--version", paramLabel = "VERSION", split = ",",
            description = "protocol versions to test: 3.1, 3.1.1 or both (default: both)")
    List<String> versions;

    @Option(names = "--report", paramLabel = "DIR",
            description = "report folder (default: mqtt.report.dir or MQTT_REPORT_DIR, else reports)")
    Path report;

    @Option(names = "--only", paramLabel = "GLOB", split = ",",
            description = "run only tests checking matching statement ids, e.g. MQTT-3.3*,MQTT-4.7.*")
    List<String> only;

    @Option(names = "--expect", paramLabel = "FILE", description = "expectations file: known deviations, each with "
            + "its reason; the results it lists do not fail the run")
    Path expect;

    @Option(names = "--strict-expectations",
            description = "also fail when a deviation the expectations file lists no longer happens")
    boolean strictExpectations;

    @Option(names = "--write-expectations", paramLabel = "FILE", description = "write an expectations file listing "
            + "this run's FAIL and WARN results, each with a reason for you to fill in")
    Path writeExpectations;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "also write the results as JUnit XML, one "
            + "testcase per test, for CI test reporters")
    Path junitXml;

    @Option(names = "--list", description = "connect to nothing: list the tests that would run and the statements "
            + "each checks, per protocol version")
    boolean list;

    @Option(names = "--quiet", description = "no progress and no live failures: only the last lines of the summary "
            + "and errors")
    boolean quiet;

    @Option(names = "--image", paramLabel = "NAME", description = "container image to start and test instead")
    String image;

    @Option(names = "--image-port", paramLabel = "PORT", description = "MQTT port inside the image (default 1883)")
    Integer imagePort;

    @Option(names = "--target-name", paramLabel = "NAME", description = "report folder name of this target")
    String targetName;

    @Option(names = "--user", paramLabel = "U", description = "user name for CONNECT")
    String user;

    @Option(names = "--password", paramLabel = "P", description = "password for CONNECT")
    String password;

    @Option(names = "--truststore", paramLabel = "FILE", description = "trust store for ssl:// brokers")
    String truststore;

    @Option(names = "--truststore-password", paramLabel = "P", description = "trust store password")
    String truststorePassword;

    @Option(names = "--timeout-scale", paramLabel = "X", description = "multiply every wait, for slow brokers (> 0)")
    String timeoutScale;

    @Option(names = "--prefix", paramLabel = "P", description = "prefix for client ids and topics")
    String prefix;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "tests run at the same time; they wait on the network, not the CPU (default: "
                    + SuiteExecution.PARALLELISM + " for a broker, " + ClientSuiteExecution.PARALLELISM
                    + " for a client library, each of whose cases starts a driver process; 1 = one after another)")
    Integer parallelism;

    @Option(names = "--index-only",
            description = "run nothing: rebuild DIR/index.html from the results.json files in DIR, e.g. after "
                    + "copying report folders of several CI jobs into one")
    boolean indexOnly;

    @Option(names = {"-V", "--tool-version"}, versionHelp = true,
            description = "print the tool's, suite's and statement catalogue's versions")
    boolean toolVersion;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    private final PrintStream out;
    private final PrintStream err;

    public ConformanceCli() {
        this(System.out, System.err);
    }

    ConformanceCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new ConformanceCli()).execute(args));
    }

    /** The command line with its one-line answer to a malformed command: what is wrong, and where help is. */
    static CommandLine commandLine(ConformanceCli cli) {
        CommandLine cl = new CommandLine(cli);
        cl.setOut(new PrintWriter(cli.out, true));
        cl.setErr(new PrintWriter(cli.err, true));
        cl.setParameterExceptionHandler((e, args) -> {
            cli.err.println("mqttkit-conformance: " + e.getMessage() + " (see --help)");
            return ExitStatus.USAGE;
        });
        return cl;
    }

    @Override
    public Integer call() {
        try {
            return run();
        } catch (InvalidUsage e) {
            err.println("mqttkit-conformance: " + e.getMessage());
            return ExitStatus.USAGE;
        }
    }

    private int run() {
        Settings settings = settings();
        Path reportDir = report != null ? report : Path.of(settings.get(Setting.REPORT_DIR));
        if (indexOnly) {
            UsageChecks.writableFolder("--report", reportDir);
            new ReportWriter(reportDir, ConformanceReportListener.catalogue(err), err, Clock.systemUTC())
                    .writeMatrix();
            out.println("All targets: " + reportDir.resolve("index.html").toAbsolutePath().normalize());
            return ExitStatus.OK;
        }
        UsageChecks.run(settings, list ? null : reportDir);
        boolean clientRun = settings.given(Setting.CLIENT).isPresent();
        int n = parallelism != null ? UsageChecks.parallelism(parallelism)
                : Integer.parseInt(clientRun ? ClientSuiteExecution.PARALLELISM : SuiteExecution.PARALLELISM);
        if (junitXml != null && !list) {
            UsageChecks.writableFile("--junit-xml", junitXml);
        }
        if (writeExpectations != null && !list) {
            UsageChecks.writableFile("--write-expectations", writeExpectations);
        }
        SuiteRun suite = new SuiteRun(clientRun ? ClientSuiteExecution.TESTS : SuiteExecution.TESTS,
                systemProperties(), SuiteExecution.configuration(n));
        String selection = settings.given(Setting.ONLY).orElse(null);
        List<SuiteRun.Listed> listed = list || selection != null || !quiet ? suite.list() : List.of();
        if (selection != null && listed.isEmpty()) {
            throw new InvalidUsage("--only: '" + selection + "' selects no test; expected statement ids or globs "
                    + "such as MQTT-3.12.4-1 or MQTT-3.3* (--list shows every test and its statements)");
        }
        if (list) {
            TestList.print(out, listed);
            return ExitStatus.OK;
        }
        boolean strict = Boolean.parseBoolean(settings.get(Setting.STRICT_EXPECTATIONS));
        SuiteRun.Outcome outcome = suite.execute(reportDir, err, quiet ? List.<TestExecutionListener>of()
                : List.of(new ProgressListener(out, listed.size(), System.console() != null, terminalWidth(),
                        Clock.systemUTC())));
        ExitStatus status = ExitStatus.of(outcome.targets(), strict);
        writeJUnitXml(outcome, strict);
        writeExpectations(outcome);
        new ConsoleSummary(out, quiet).print(outcome, reportDir, status);
        return status.code();
    }

    private void writeJUnitXml(SuiteRun.Outcome outcome, boolean strict) {
        if (junitXml == null) {
            return;
        }
        try {
            new JUnitXmlWriter(strict).write(outcome.targets(), junitXml);
            if (!quiet) {
                out.println("JUnit XML: " + junitXml.toAbsolutePath().normalize());
            }
        } catch (IOException | RuntimeException e) {
            err.println("mqttkit-conformance: cannot write the JUnit XML " + junitXml + ": " + e.getMessage());
        }
    }

    private void writeExpectations(SuiteRun.Outcome outcome) {
        if (writeExpectations == null) {
            return;
        }
        if (outcome.targets().stream().allMatch(r -> r.unreachable())) {
            err.println("mqttkit-conformance: nothing was tested, so " + writeExpectations + " is not written");
            return;
        }
        try {
            var draft = ExpectationsDraft.of(outcome.targets(), LocalDate.now(ZoneOffset.UTC));
            draft.write(writeExpectations);
            out.println("Expectations: " + draft.entries().size() + " entries written to "
                    + writeExpectations.toAbsolutePath().normalize() + "; give each a reason before committing it");
        } catch (IOException | RuntimeException e) {
            err.println("mqttkit-conformance: cannot write " + writeExpectations + ": " + e.getMessage());
        }
    }

    /** The settings as the suite will see them: these options, then system properties, then the environment. */
    private Settings settings() {
        Map<String, String> given = systemProperties();
        return new Settings(k -> given.containsKey(k) ? given.get(k) : System.getProperty(k), System.getenv());
    }

    /**
     * The settings the options give, by property name; only options actually given are set, so the defaults stay
     * with the settings.
     */
    Map<String, String> systemProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, Setting.BROKER, broker);
        put(p, Setting.CLIENT, client);
        put(p, Setting.VERSIONS, versions == null ? null : String.join(",", versions));
        put(p, Setting.REPORT_DIR, report == null ? null : report.toString());
        put(p, Setting.ONLY, only == null ? null : String.join(",", only));
        put(p, Setting.IMAGE, image);
        put(p, Setting.IMAGE_PORT, imagePort == null ? null : imagePort.toString());
        put(p, Setting.TARGET_NAME, targetName);
        put(p, Setting.USERNAME, user);
        put(p, Setting.PASSWORD, password);
        put(p, Setting.TRUSTSTORE, truststore);
        put(p, Setting.TRUSTSTORE_PASSWORD, truststorePassword);
        put(p, Setting.TIMEOUT_SCALE, timeoutScale);
        put(p, Setting.PREFIX, prefix);
        put(p, Setting.EXPECTATIONS, expect == null ? null : expect.toString());
        put(p, Setting.STRICT_EXPECTATIONS, strictExpectations ? "true" : null);
        return p;
    }

    private static int terminalWidth() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100").trim());
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    private static void put(Map<String, String> p, Setting setting, String value) {
        if (value != null) {
            p.put(setting.property(), value);
        }
    }
}
