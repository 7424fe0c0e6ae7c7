package dev.mqttkit.conformance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the conformance tests are run, in one place for every way of running them (the {@link MqttConformanceSuite}
 * a broker project's build picks up, the command line, the kit's own calibration runs): concurrently, since they wait
 * on the network and not on the CPU, and with the classes of disruptive tests ordered after the others.
 */
public final class SuiteExecution {
    /** The package of the conformance tests: what the suite's jar ships, never a test of the suite itself. */
    public static final String TESTS = "dev.mqttkit.conformance.suite";
    /** Tests at the same time, by default. */
    public static final String PARALLELISM = "16";
    static final String PARALLEL = "junit.jupiter.execution.parallel.enabled";
    static final String MODE = "junit.jupiter.execution.parallel.mode.default";
    static final String CLASS_MODE = "junit.jupiter.execution.parallel.mode.classes.default";
    static final String STRATEGY = "junit.jupiter.execution.parallel.config.strategy";
    static final String FIXED = "junit.jupiter.execution.parallel.config.fixed.parallelism";
    static final String MAX_POOL = "junit.jupiter.execution.parallel.config.fixed.max-pool-size";
    static final String CLASS_ORDER = "junit.jupiter.testclass.order.default";
    static final String ORDER_ANNOTATION = "org.junit.jupiter.api.ClassOrderer$OrderAnnotation";

    private SuiteExecution() {
    }

    /** The JUnit configuration for {@code parallelism} tests at a time; 1 runs them one after another. */
    public static Map<String, String> configuration(int parallelism) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put(CLASS_ORDER, ORDER_ANNOTATION);
        if (parallelism > 1) {
            c.put(PARALLEL, "true");
            c.put(MODE, "concurrent");
            c.put(CLASS_MODE, "concurrent");
            c.put(STRATEGY, "fixed");
            c.put(FIXED, Integer.toString(parallelism));
            c.put(MAX_POOL, Integer.toString(Math.max(32, 4 * parallelism)));
        }
        return c;
    }
}
