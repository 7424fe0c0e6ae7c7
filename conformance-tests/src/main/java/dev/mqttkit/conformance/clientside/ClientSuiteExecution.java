package dev.mqttkit.conformance.clientside;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the client cases are run, in one place for the {@link MqttClientConformanceSuite}, a command line and the kit's
 * own runs: a few at a time, since each starts a driver process (a JVM for a Java library) and the machine may have
 * two cores, while the keep-alive cases run alone so their timing is the client's and not the machine's.
 */
public final class ClientSuiteExecution {
    /** The package of the client cases. */
    public static final String TESTS = "dev.mqttkit.conformance.clientsuite";
    /** Cases at the same time, by default. */
    public static final String PARALLELISM = "4";

    private ClientSuiteExecution() {
    }

    /** The JUnit configuration for {@code parallelism} cases at a time; 1 runs them one after another. */
    public static Map<String, String> configuration(int parallelism) {
        Map<String, String> c = new LinkedHashMap<>();
        if (parallelism > 1) {
            c.put("junit.jupiter.execution.parallel.enabled", "true");
            c.put("junit.jupiter.execution.parallel.mode.default", "concurrent");
            c.put("junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
            c.put("junit.jupiter.execution.parallel.config.strategy", "fixed");
            c.put("junit.jupiter.execution.parallel.config.fixed.parallelism", Integer.toString(parallelism));
        }
        return c;
    }
}
