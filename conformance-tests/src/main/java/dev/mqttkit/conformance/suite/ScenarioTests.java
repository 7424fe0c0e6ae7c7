package dev.mqttkit.conformance.suite;

import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.HarnessExecutable;
import dev.mqttkit.conformance.junit.RunContext;
import dev.mqttkit.conformance.scenario.Scenario;
import dev.mqttkit.conformance.scenario.ScenarioLibrary;
import dev.mqttkit.conformance.scenario.ScenarioRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The scenario scripts of {@code fixtures/scenarios}: one dynamic test per script and protocol version. */
@ConformanceTest
class ScenarioTests {

    @TestFactory
    Stream<DynamicNode> scenarios(RunContext run) {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Scenario s : ScenarioLibrary.all()) {
            if (!run.config().selects(s.statements())) {
                continue;
            }
            List<DynamicTest> perVersion = new ArrayList<>();
            for (ProtocolVersion v : run.config().versions()) {
                if (s.versions().contains(v)) {
                    perVersion.add(DynamicTest.dynamicTest("MQTT " + v.label(), new HarnessExecutable(
                            "scenario:" + s.name(), v, s.statements(), mqtt -> run(mqtt, s))));
                }
            }
            if (!perVersion.isEmpty()) {
                nodes.add(DynamicContainer.dynamicContainer(s.name() + ": " + s.title(), perVersion));
            }
        }
        return nodes.stream();
    }

    private static void run(Harness mqtt, Scenario s) {
        new ScenarioRunner(mqtt).run(s);
    }
}
