package dev.mqttkit.conformance.scenario;

import dev.mqttkit.codec.packet.ProtocolVersion;
import java.util.List;

/**
 * A scenario script from {@code fixtures/scenarios}: the statements it checks, the versions it applies to, and its
 * steps. The format is described in {@code fixtures/scenarios/README.md}.
 */
public record Scenario(String name, String title, List<String> statements, List<ProtocolVersion> versions,
                       List<Step> steps, String text) {
}
