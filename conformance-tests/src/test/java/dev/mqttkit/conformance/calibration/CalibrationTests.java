package dev.mqttkit.conformance.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.Fault;
import dev.mqttkit.broker.ReferenceBroker;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The suite is calibrated against the reference broker's deliberate faults: started with one fault, the broker must
 * fail at least one test of the statement that fault breaks. A fault no test notices means a blind spot in the suite.
 */
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT)
class CalibrationTests {

    @ParameterizedTest
    @EnumSource(value = Fault.class, mode = EnumSource.Mode.EXCLUDE, names = "OVERLAP_DUPLICATES")
    void eachFaultFailsATestOfItsStatement(Fault fault) throws Exception {
        List<SuiteRun.Result> results = runAgainst(fault);
        assertThat(results).as("tests selected for %s", fault.statement()).isNotEmpty();
        assertThat(results)
                .as("tests of %s against a broker with fault %s: %s", fault.statement(), fault, results)
                .anyMatch(r -> r.verdict().equals("FAIL") && r.statements().contains(fault.statement()));
    }

    /**
     * OVERLAP_DUPLICATES sends one copy per matching subscription, each at that subscription's QoS: section 3.3.5
     * allows exactly that ("the Server MAY deliver further copies"), so the suite must pass it and say what it saw.
     */
    @org.junit.jupiter.api.Test
    void acceptsOneCopyPerOverlappingSubscriptionAsTheSpecificationAllows() throws Exception {
        List<SuiteRun.Result> results = runAgainst(Fault.OVERLAP_DUPLICATES);
        assertThat(results).isNotEmpty().allMatch(r -> r.verdict().equals("PASS"));
    }

    private static List<SuiteRun.Result> runAgainst(Fault fault) throws Exception {
        try (ReferenceBroker broker = ReferenceBroker.start(BrokerConfig.defaults().withFaults(Set.of(fault)))) {
            return SuiteRun.run(Map.of(
                    "mqtt.broker", "tcp://127.0.0.1:" + broker.port(),
                    "mqtt.only", fault.statement(),
                    "mqtt.target.name", "calibration-" + fault.name().toLowerCase(java.util.Locale.ROOT)), false);
        }
    }
}
