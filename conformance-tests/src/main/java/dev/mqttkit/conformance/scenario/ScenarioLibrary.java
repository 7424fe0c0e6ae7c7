package dev.mqttkit.conformance.scenario;

import dev.mqttkit.conformance.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The scenario scripts shipped with the suite: {@code /fixtures/scenarios/*.mqtts} on the classpath. */
public final class ScenarioLibrary {
    public static final String FOLDER = "/fixtures/scenarios";

    private ScenarioLibrary() {
    }

    public static List<Scenario> all() {
        List<Scenario> out = new ArrayList<>();
        for (Map.Entry<String, String> e : Resources.readAll(FOLDER, ".mqtts").entrySet()) {
            out.add(ScenarioParser.parse(e.getKey().replace(".mqtts", ""), e.getValue()));
        }
        return out;
    }
}
