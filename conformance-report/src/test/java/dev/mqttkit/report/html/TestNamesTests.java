package dev.mqttkit.report.html;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TestNamesTests {

    // layout: off
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ConnectTests › closesConnectionOnSecondConnect(ScriptedClient) › MQTT 3.1 | closesConnectionOnSecondConnect
            PublishTests › delivers(Harness, ScriptedClient, ScriptedClient) › [2] MQTT 3.1.1 | delivers
            ScenarioTests › scenarios(RunContext) › retained-store: a retained message is kept › MQTT 3.1.1 | retained-store
            ConnectTests › acceptsConnect() | acceptsConnect
            KeepAliveTests › pingsWithin(List<String>, int[]) | pingsWithin
            a lone name (with a parenthesis) | a lone name (with a parenthesis)
            """)
    void linkTextIsTheMethodOrScenarioName(String displayPath, String expected) {
        assertThat(TestNames.shortName(displayPath)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ConnectTests › closesConnectionOnSecondConnect(ScriptedClient) › MQTT 3.1 | ConnectTests › closesConnectionOnSecondConnect › MQTT 3.1
            ScenarioTests › scenarios(RunContext) › keep (this) text | ScenarioTests › scenarios › keep (this) text
            """)
    // layout: on
    void readableNameDropsOnlyJavaParameterLists(String displayPath, String expected) {
        assertThat(TestNames.readableName(displayPath)).isEqualTo(expected);
    }
}
