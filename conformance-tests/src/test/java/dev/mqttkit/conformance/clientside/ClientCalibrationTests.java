package dev.mqttkit.conformance.clientside;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.conformance.calibration.SuiteRun;
import dev.mqttkit.contract.Catalogue;
import dev.mqttkit.contract.Level;
import dev.mqttkit.contract.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client suite is calibrated against {@link FaultyDriver}: without a fault every case of both versions passes (a
 * failure would be a suite assumption the specification does not make); with a fault, a case of the fault's
 * statement fails, or warns where the statement is a SHOULD (a fault no case notices is a blind spot).
 */
class ClientCalibrationTests {

    @Test
    void everyCasePassesAClientThatKeepsEveryRule() throws Exception {
        List<SuiteRun.Result> results = ClientSuiteRun.run(Map.of(
                "mqtt.client", ClientSuiteRun.faultyDriver(DriverFault.NONE),
                "mqtt.target.name", "calibration-client-none"), false);
        assertThat(results).as("client cases against the driver without a fault").hasSizeGreaterThan(40)
                .allMatch(r -> r.verdict() == Verdict.PASS || r.verdict() == Verdict.NOT_APPLICABLE
                        || leftOpenBy31(r), "PASS, NOT_APPLICABLE, or WARN where MQTT 3.1 leaves the reaction open"
                        + " (the driver reads 3.1 by 3.1's rules)");
    }

    private static boolean leftOpenBy31(SuiteRun.Result r) {
        return r.verdict() == Verdict.WARN && "3.1".equals(r.version()) && r.reason().contains("leaves this open");
    }

    @ParameterizedTest
    @EnumSource(value = DriverFault.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void eachFaultFailsACaseOfItsStatement(DriverFault fault) throws Exception {
        List<SuiteRun.Result> results = ClientSuiteRun.run(Map.of(
                "mqtt.client", ClientSuiteRun.faultyDriver(fault),
                "mqtt.only", fault.statement(), "mqtt.versions", "3.1.1",
                "mqtt.target.name", "calibration-client"), false);
        Verdict expected = Catalogue.load().find(fault.statement()).map(s -> s.level() == Level.MUST)
                .orElse(false) ? Verdict.FAIL : Verdict.WARN;
        assertThat(results).as("cases of %s", fault.statement()).isNotEmpty();
        assertThat(results).as("cases of %s against the driver with fault %s: %s", fault.statement(), fault, results)
                .anyMatch(r -> r.verdict() == expected && r.statements().contains(fault.statement()));
    }
}
