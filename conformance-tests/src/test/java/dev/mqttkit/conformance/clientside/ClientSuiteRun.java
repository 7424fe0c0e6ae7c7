package dev.mqttkit.conformance.clientside;

import dev.mqttkit.conformance.calibration.SuiteRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The client suite run as {@code MqttClientConformanceSuite} would run it, and the drivers the kit runs it against. */
final class ClientSuiteRun {
    private ClientSuiteRun() {
    }

    /**
     * @param report whether listeners registered through {@code META-INF/services} (the HTML report) see the run
     */
    static List<SuiteRun.Result> run(Map<String, String> config, boolean report) {
        return SuiteRun.run(ClientSuiteExecution.TESTS, ClientSuiteExecution.PARALLELISM, config, report);
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
