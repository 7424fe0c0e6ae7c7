package dev.mqttkit.conformance.cli;

import dev.mqttkit.conformance.SuiteExecution;
import dev.mqttkit.contract.Setting;
import dev.mqttkit.contract.Settings;
import dev.mqttkit.report.ConformanceReportListener;
import dev.mqttkit.report.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs the conformance suite against a broker without Maven, writes the same report as a Maven run and exits
 * {@value #OK} only when no MUST statement failed. It only translates options into the suite's system properties;
 * the suite itself decides what they mean.
 */
@Command(name = "mqttkit-conformance", sortOptions = false, usageHelpAutoWidth = true,
        description = "Checks an MQTT 3.1 / 3.1.1 broker against the mqttkit conformance suite and writes an HTML "
                + "report.%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no MUST statement failed",
            "1:at least one MUST statement failed",
            "2:invalid command line",
            "3:no conformance test ran, or the broker could not be reached"})
public final class ConformanceCli implements Callable<Integer> {

    static final int OK = 0;
    static final int MUST_FAILED = 1;
    static final int NOTHING_RAN = 3;

    @Option(names = "--broker", paramLabel = "URL",
            description = "tcp://host:port or ssl://host:port (default: the embedded reference broker, if packaged)")
    String broker;

    @Option(names = "--version", paramLabel = "VERSION", split = ",",
            description = "protocol versions to test: 3.1, 3.1.1 or both (default: both)")
    List<String> versions;

    @Option(names = "--report", paramLabel = "DIR",
            description = "report folder (default: mqtt.report.dir or MQTT_REPORT_DIR, else reports)")
    Path report;

    @Option(names = "--only", paramLabel = "GLOB", split = ",",
            description = "run only tests checking matching statement ids, e.g. MQTT-3.3*,MQTT-4.7.*")
    List<String> only;

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

    @Option(names = "--timeout-scale", paramLabel = "X", description = "multiply every wait, for slow brokers")
    Double timeoutScale;

    @Option(names = "--prefix", paramLabel = "P", description = "prefix for client ids and topics")
    String prefix;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = SuiteExecution.PARALLELISM,
            description = "tests run at the same time; they wait on the network, not the CPU (default: "
                    + "${DEFAULT-VALUE}, 1 = one after another)")
    int parallelism;

    @Option(names = "--index-only",
            description = "run nothing: rebuild DIR/index.html from the results.json files in DIR, e.g. after "
                    + "copying report folders of several CI jobs into one")
    boolean indexOnly;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    private final PrintStream out;

    public ConformanceCli() {
        this(System.out);
    }

    ConformanceCli(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ConformanceCli()).execute(args));
    }

    @Override
    public Integer call() {
        if (report == null) {
            report = Path.of(Settings.fromSystem().get(Setting.REPORT_DIR));
        }
        if (indexOnly) {
            new ReportWriter(report, ConformanceReportListener.catalogue(System.err), System.err, Clock.systemUTC())
                    .writeMatrix();
            out.println("All targets: " + report.resolve("index.html").toAbsolutePath().normalize());
            return OK;
        }
        SuiteRun run = new SuiteRun(SuiteExecution.TESTS, report, systemProperties(), junitConfiguration(), out);
        SuiteRun.Outcome outcome = run.execute();
        new ConsoleSummary(out).print(outcome, report);
        if (outcome.targets().isEmpty() || outcome.targets().stream().anyMatch(t -> t.error() != null)) {
            return NOTHING_RAN;
        }
        return outcome.targets().stream().anyMatch(t -> t.mustFailures() > 0) ? MUST_FAILED : OK;
    }

    /** The settings' names; only options actually given are set, so the defaults stay with the settings. */
    Map<String, String> systemProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, Setting.BROKER, broker);
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
        put(p, Setting.TIMEOUT_SCALE, timeoutScale == null ? null : timeoutScale.toString());
        put(p, Setting.PREFIX, prefix);
        return p;
    }

    /** How the tests run: {@link SuiteExecution}, the same as in any other build. */
    Map<String, String> junitConfiguration() {
        return SuiteExecution.configuration(parallelism);
    }

    private static void put(Map<String, String> p, Setting setting, String value) {
        if (value != null) {
            p.put(setting.property(), value);
        }
    }
}
