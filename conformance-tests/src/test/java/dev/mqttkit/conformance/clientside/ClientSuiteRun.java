package dev.mqttkit.conformance.clientside;

import dev.mqttkit.contract.EntryKey;
import dev.mqttkit.contract.Setting;
import dev.mqttkit.contract.StatementIds;
import dev.mqttkit.contract.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the client suite through the JUnit Platform Launcher, as {@code MqttClientConformanceSuite} would, and
 * collects each case's verdict from the report entries it published.
 */
final class ClientSuiteRun {

    /** One finished case: its key, the statements it checked in its version, the verdict and why. */
    record Result(String key, List<String> statements, String version, Verdict verdict, String reason,
                  String observed) {
        @Override
        public String toString() {
            return key + " " + verdict + (reason == null ? "" : ": " + reason);
        }
    }

    private ClientSuiteRun() {
    }

    /**
     * @param report whether listeners registered through {@code META-INF/services} (the HTML report) see the run
     */
    static List<Result> run(Map<String, String> config, boolean report) {
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
                results.add(new Result(e.get(EntryKey.TEST_KEY.key()),
                        StatementIds.parse(List.of(e.getOrDefault(EntryKey.STATEMENTS.key(), ""))),
                        e.get(EntryKey.VERSION.key()), Verdict.parse(e.get(EntryKey.VERDICT.key())).orElseThrow(),
                        e.get(EntryKey.REASON.key()), e.get(EntryKey.OBSERVED.key())));
            }
        };
        Map<String, String> settings = new HashMap<>(config);
        String command = settings.remove(Setting.CLIENT.property());
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(report).build())
                .execute(ClientSuiteExecution.request(command, settings,
                        Integer.parseInt(ClientSuiteExecution.PARALLELISM)), listener);
        return List.copyOf(results);
    }

    /** The command line that starts {@link FaultyDriver} with {@code fault} from this build's classes. */
    static String faultyDriver(DriverFault fault) throws Exception {
        String cp = location(FaultyDriver.class) + java.io.File.pathSeparator
                + location(dev.mqttkit.codec.MqttDecoder.class);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return "'" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp '" + cp + "' "
                + FaultyDriver.class.getName() + " --fault " + fault.name();
    }

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
