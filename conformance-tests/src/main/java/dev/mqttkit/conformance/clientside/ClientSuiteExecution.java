package dev.mqttkit.conformance.clientside;

/**
 * How the client cases are run, for the {@link MqttClientConformanceSuite}, a command line and the kit's own runs: a
 * few at a time, since each starts a driver process (a JVM for a Java library) and the machine may have two cores,
 * while the keep-alive cases run alone so their timing is the client's and not the machine's. The JUnit
 * configuration for a given parallelism is the broker suite's ({@link dev.mqttkit.conformance.SuiteExecution}).
 */
public final class ClientSuiteExecution {
    /** The package of the client cases. */
    public static final String TESTS = "dev.mqttkit.conformance.clientsuite";
    /** Cases at the same time, by default. */
    public static final String PARALLELISM = "4";

    private ClientSuiteExecution() {
    }
}
