package dev.mqttkit.conformance.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Payload;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioParserTests {

    @Test
    void readsHeadersAndSteps() {
        Scenario s = ScenarioParser.parse("x", """
                title: a flow
                statements: MQTT-4.3.2-1, MQTT-4.3.2-2
                versions: 3.1 3.1.1
                # comment
                sub connect clean
                pub send PUBLISH q=1 m=3 'a b/c' "hello world"
                """);
        assertThat(s.title()).isEqualTo("a flow");
        assertThat(s.statements()).containsExactly("MQTT-4.3.2-1", "MQTT-4.3.2-2");
        assertThat(s.versions()).containsExactly(ProtocolVersion.MQTT_3_1, ProtocolVersion.MQTT_3_1_1);
        assertThat(s.level()).isEqualTo("MUST");
        assertThat(s.steps()).hasSize(2);
        assertThat(s.steps().get(1).args()).containsExactly("PUBLISH", "q=1", "m=3", "'a b/c'", "\"hello world\"");
        assertThat(s.steps().get(1).line()).isEqualTo(6);
    }

    @Test
    void refusesScriptsWithoutStatementsOrWithUnknownVerbs() {
        assertThatThrownBy(() -> ScenarioParser.parse("x", "versions: 3.1\na connect\n"))
                .hasMessageContaining("statements");
        assertThatThrownBy(() -> ScenarioParser.parse("x", "statements: S\nversions: 3.1\na jump\n"))
                .hasMessageContaining("x:3").hasMessageContaining("unknown verb 'jump'");
    }

    @Test
    void buildsPacketsUnderTheTopicRoot() {
        PacketSyntax syntax = new PacketSyntax(t -> "root/" + t);
        assertThat(syntax.packet(List.of("PUBLISH", "q=1", "m=3", "r=1", "'a'", "\"x\"")))
                .isEqualTo(new Publish(false, Qos.AT_LEAST_ONCE, true, "root/a", 3, Payload.utf8("x")));
    }

    @Test
    void bindsVariablesOnFirstMatchAndComparesThemAfterwards() {
        PacketSyntax syntax = new PacketSyntax(t -> "root/" + t);
        Publish first = new Publish(false, Qos.AT_LEAST_ONCE, false, "root/a", 17, Payload.utf8("x"));
        assertThat(syntax.mismatch(List.of("PUBLISH", "q=1", "m=$id", "'a'", "\"x\""), first)).isNull();
        assertThat(syntax.packet(List.of("PUBACK", "m=$id"))).isEqualTo(new Puback(17));
        Publish other = new Publish(true, Qos.AT_LEAST_ONCE, false, "root/a", 18, Payload.utf8("x"));
        assertThat(syntax.mismatch(List.of("PUBLISH", "d=1", "m=$id", "'a'"), other))
                .contains("m 18 instead of 17");
    }

    @Test
    void everyShippedScenarioParses() {
        assertThat(ScenarioLibrary.all()).hasSizeGreaterThanOrEqualTo(15)
                .allMatch(s -> !s.statements().isEmpty() && !s.versions().isEmpty());
    }
}
