package dev.mqttkit.conformance.clientside;

import dev.mqttkit.contract.Setting;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

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

    /**
     * What a command line runs for {@code --client COMMAND}: every client case against that driver, with the run's
     * other settings ({@code mqtt.versions}, {@code mqtt.only}, {@code mqtt.target.name}, ...) as configuration
     * parameters, {@code parallelism} cases at a time.
     *
     * @throws IllegalArgumentException when {@code command} is empty or has an unterminated quote
     */
    public static LauncherDiscoveryRequest request(String command, Map<String, String> settings, int parallelism) {
        DriverCommand.parse(command);
        Map<String, String> params = new LinkedHashMap<>(configuration(parallelism));
        params.putAll(settings);
        params.put(Setting.CLIENT.property(), command);
        return LauncherDiscoveryRequestBuilder.request().selectors(DiscoverySelectors.selectPackage(TESTS))
                .configurationParameters(params).build();
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
