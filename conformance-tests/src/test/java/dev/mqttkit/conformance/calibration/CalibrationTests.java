package dev.mqttkit.conformance.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.Fault;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.contract.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The suite is calibrated against the reference broker's deliberate faults. A fault that breaks a statement must make
 * a test of that statement fail (a fault no test notices is a blind spot); behaviour the specification allows must
 * pass everywhere (a failure there is a suite assumption the text does not make); a broker that stops answering is
 * one cascade, not a wall of failures; a broker without MQTT 3.1 is "not supported", not failed.
 */
@Execution(ExecutionMode.CONCURRENT)
class CalibrationTests {
    private static final Set<Fault> SPECIAL = Set.of(Fault.STOPS_ANSWERING_AFTER_MALFORMED, Fault.REFUSES_MQTT_31,
            Fault.PUBACK_FOR_QOS2);

    @ParameterizedTest
    @EnumSource(Fault.class)
    void eachDefectFailsATestOfItsStatement(Fault fault) throws Exception {
        if (fault.allowed() || SPECIAL.contains(fault)) {
            return;
        }
        List<SuiteRun.Result> results = runAgainst(fault, fault.statement());
        assertThat(results).as("tests selected for %s", fault.statement()).isNotEmpty();
        assertThat(results).as("tests of %s against a broker with fault %s: %s", fault.statement(), fault, results)
                .anyMatch(r -> r.verdict() == Verdict.FAIL && r.statements().contains(fault.statement()));
    }

    /** Behaviour the specification allows: every test passes, with no failure, warning of it, or inconclusive. */
    @ParameterizedTest
    @EnumSource(Fault.class)
    void passesEveryAllowedBehaviour(Fault fault) throws Exception {
        if (!fault.allowed() || SPECIAL.contains(fault)) {
            return;
        }
        List<SuiteRun.Result> results = runAgainst(fault, null);
        assertThat(results).as("tests against a broker with the allowed behaviour %s", fault).isNotEmpty()
                .allMatch(r -> r.verdict() == Verdict.PASS || r.verdict() == Verdict.NOT_APPLICABLE || r.tooBusy(),
                        "PASS or NOT_APPLICABLE");
    }

    /** The broker stops answering CONNECT after the first malformed packet: one cascade, named after its culprit. */
    @Test
    void reportsABrokerThatStopsAnsweringOnceAndAfterTheTestThatCausedIt() throws Exception {
        List<SuiteRun.Result> results = runAgainst(Fault.STOPS_ANSWERING_AFTER_MALFORMED, null);
        List<SuiteRun.Result> culprits = results.stream().filter(r -> r.cascade().isPresent()).toList();
        assertThat(culprits).as("tests that report the cascade").hasSize(1);
        String culprit = culprits.get(0).key();
        assertThat(culprit).as("the culprit sends malformed input").containsAnyOf("Violation", "malformed:");
        assertThat(results).filteredOn(r -> r.verdict() == Verdict.INCONCLUSIVE && !r.tooBusy()).isNotEmpty()
                .allMatch(r -> r.reason().contains("stopped answering after " + culprit));
        assertThat(results).as("failures besides the culprit")
                .filteredOn(r -> r.verdict() == Verdict.FAIL && !r.key().equals(culprit)).isEmpty();
    }

    /** A broker that closes every MQTT 3.1 CONNECT does not support 3.1: its 3.1 tests say so and fail nothing. */
    @Test
    void reportsAVersionTheBrokerRefusesAsNotSupported() throws Exception {
        List<SuiteRun.Result> results = runAgainst(Fault.REFUSES_MQTT_31, null);
        assertThat(results).filteredOn(r -> "3.1".equals(r.version())).isNotEmpty()
                .allMatch(r -> r.verdict() == Verdict.NOT_SUPPORTED, "NOT_SUPPORTED");
        assertThat(results).filteredOn(r -> "3.1.1".equals(r.version()))
                .allMatch(r -> r.verdict() != Verdict.FAIL && r.verdict() != Verdict.NOT_SUPPORTED);
    }

    /**
     * A QoS 2 PUBLISH answered with PUBACK is a failure of the receiver's response (MQTT-3.3.4-1, MQTT-4.3.3-2), and
     * of nothing else: tests that only needed a QoS 2 flow on the way could not check theirs.
     */
    @Test
    void attributesAWrongQos2ResponseToTheStatementsOfTheResponse() throws Exception {
        List<SuiteRun.Result> results = runAgainst(Fault.PUBACK_FOR_QOS2, null);
        List<String> response = List.of("MQTT-3.3.4-1", "MQTT-4.3.3-2");
        assertThat(results).anyMatch(r -> r.verdict() == Verdict.FAIL);
        assertThat(results).filteredOn(r -> r.verdict() == Verdict.FAIL)
                .allMatch(r -> r.statements().stream().anyMatch(response::contains), "a test of " + response);
    }

    private static List<SuiteRun.Result> runAgainst(Fault fault, String only) throws Exception {
        try (ReferenceBroker broker = ReferenceBroker.start(BrokerConfig.defaults().withFaults(Set.of(fault)))) {
            Map<String, String> config = new java.util.HashMap<>(Map.of(
                    "mqtt.broker", "tcp://127.0.0.1:" + broker.port(),
                    "mqtt.target.name", "calibration-" + fault.name().toLowerCase(Locale.ROOT)));
            if (only != null) {
                config.put("mqtt.only", only);
            }
            return SuiteRun.run(config, false);
        }
    }
}
