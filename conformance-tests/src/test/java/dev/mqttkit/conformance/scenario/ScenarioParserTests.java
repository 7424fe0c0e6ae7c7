package dev.mqttkit.conformance.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.contract.Catalogue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioParserTests {

    @Test
    void readsHeadersAndTypedSteps() {
        Scenario s = ScenarioParser.parse("x", """
                title: a flow
                statements: MQTT-4.3.2-1, MQTT-4.3.2-2
                versions: 3.1 3.1.1
                # comment
                sub connect persistent k=5 will q=1 r=1 'gone' "bye" sp=0
                pub send PUBLISH q=1 m=3 'a b/c' "hello world"
                pub expect PUBACK m=3 [MQTT-4.3.2-2]
                """);
        assertThat(s.title()).isEqualTo("a flow");
        assertThat(s.statements()).containsExactly("MQTT-4.3.2-1", "MQTT-4.3.2-2");
        assertThat(s.versions()).containsExactly(ProtocolVersion.MQTT_3_1, ProtocolVersion.MQTT_3_1_1);
        assertThat(s.steps()).hasSize(3);
        assertThat(s.steps().get(0)).isInstanceOfSatisfying(Step.Connect.class, c -> {
            assertThat(c.clean()).isFalse();
            assertThat(c.keepAlive()).isEqualTo(5);
            assertThat(c.will()).isEqualTo(new Step.Will("gone", "bye", Qos.AT_LEAST_ONCE, true));
            assertThat(c.sessionPresent()).isZero();
        });
        assertThat(s.steps().get(1).line()).isEqualTo(6);
        assertThat(s.steps().get(2).checks()).containsExactly("MQTT-4.3.2-2");
    }

    /** A typo in a script is an error of the suite, found when the script is read, never a broker's FAIL. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pub expect PUBAK m=1                   | 'PUBAK' is no packet",
        "pub expect PUBACK m=x                  | m=x is not a number",
        "pub expect PUBACK codes=1              | PUBACK has no field 'codes'",
        "pub send PUBLISH q=3 'a' \"x\"           | q=3 is not a number from 0 to 2",
        "pub send PUBACK m=$id                  | variable $id is sent before an expect binds it",
        "pub send SUBACK m=1 codes=0            | 'SUBACK' is no packet a client can send",
        "pub expect PUBLISH q=1 q=1 'a'         | field 'q' is given twice",
        "pub connect will 'w'                   | a will needs a 'topic' and then a \"message\"",
        "pub expect-nothing now                 | takes no arguments",
        "pub jump                               | unknown verb 'jump'"})
    void refusesScriptErrorsWithTheirLine(String step, String message) {
        assertThatThrownBy(() -> ScenarioParser.parse("typo", "statements: S\nversions: 3.1\n" + step + "\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("typo:3:").hasMessageContaining(message);
    }

    @Test
    void refusesScriptsWithoutStatementsOrWithRetiredHeaders() {
        assertThatThrownBy(() -> ScenarioParser.parse("x", "versions: 3.1\na connect\n"))
                .hasMessageContaining("statements");
        assertThatThrownBy(() -> ScenarioParser.parse("x", "statements: S\nlevel: SHOULD\nversions: 3.1\na connect\n"))
                .hasMessageContaining("x:2").hasMessageContaining("unknown header 'level'");
    }

    @Test
    void buildsPacketsUnderTheTopicRoot() {
        PacketSpec spec = PacketSpec.parse(List.of("PUBLISH", "q=1", "m=3", "r=1", "'a'", "\"x\""), true);
        assertThat(spec.packet(new Variables(), t -> "root/" + t))
                .isEqualTo(new Publish(false, Qos.AT_LEAST_ONCE, true, "root/a", 3, Payload.utf8("x")));
    }

    @Test
    void bindsVariablesOnFirstMatchAndComparesThemAfterwards() {
        Variables vars = new Variables();
        PacketSpec expect = PacketSpec.parse(List.of("PUBLISH", "q=1", "m=$id", "'a'", "\"x\""), false);
        Publish first = new Publish(false, Qos.AT_LEAST_ONCE, false, "root/a", 17, Payload.utf8("x"));
        assertThat(expect.matcher(vars, t -> "root/" + t).matches(first)).isTrue();
        expect.bind(vars, first);
        assertThat(PacketSpec.parse(List.of("PUBACK", "m=$id"), true).packet(vars, t -> t)).isEqualTo(new Puback(17));
        Publish other = new Publish(true, Qos.AT_LEAST_ONCE, false, "root/a", 18, Payload.utf8("x"));
        assertThat(expect.matcher(vars, t -> "root/" + t).mismatch(other)).contains("m=$id (17)");
    }

    @Test
    void everyShippedScenarioParsesAndNamesCatalogueStatements() {
        Catalogue catalogue = Catalogue.load();
        assertThat(ScenarioLibrary.all()).hasSizeGreaterThanOrEqualTo(15).allSatisfy(s -> {
            assertThat(s.statements()).allMatch(id -> catalogue.find(id).isPresent());
            assertThat(s.steps()).allSatisfy(step ->
                    assertThat(step.checks()).allMatch(id -> catalogue.find(id).isPresent()));
        });
    }
}
