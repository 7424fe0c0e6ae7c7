package dev.mqttkit.conformance.scenario;

import dev.mqttkit.codec.packet.ProtocolVersion;
import java.util.List;

/**
 * A scenario script from {@code fixtures/scenarios}: the statements it checks, the versions it applies to, and its
 * steps. The format is described in {@code fixtures/scenarios/README.md}.
 */
public record Scenario(String name, String title, List<String> statements, List<ProtocolVersion> versions,
                       String level, List<Step> steps, String text) {

    /** Whether the scenario checks only SHOULDs: a failure then makes it WARN instead of FAIL. */
    public boolean onlyShould() {
        return level.equals("SHOULD");
    }

    /** One line: which client does what. {@code args} are the tokens after the verb, quotes kept. */
    public record Step(int line, String client, String verb, List<String> args, String text) {
    }
}
