package dev.mqttkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The catalogue as both sides read it: the files the suite ships, in specification order. */
class CatalogueTests {
    private final Catalogue catalogue = Catalogue.load();

    @Test
    void loadsEveryStatementOfBothVersionsInSpecificationOrder() {
        assertThat(catalogue.statements(Catalogue.V311)).hasSize(141)
                .first().extracting(Statement::id).isEqualTo("MQTT-1.5.3-1");
        assertThat(catalogue.statements(Catalogue.V31)).isNotEmpty()
                .allMatch(s -> s.id().startsWith("MQTTv3.1-"));
        assertThat(catalogue.all()).allMatch(s -> !s.group().isEmpty());
    }

    @Test
    void negativeKeywordsBindLikeTheirPositiveForms() {
        assertThat(catalogue.find("MQTT-1.5.3-2")).hasValueSatisfying(s -> {
            assertThat(s.keyword()).isEqualTo("MUST NOT");
            assertThat(s.level()).isEqualTo(Level.MUST);
        });
        assertThat(Level.parse("SHALL")).isEqualTo(Level.MUST);
        assertThat(Level.parse("SHOULD NOT")).isEqualTo(Level.SHOULD);
        assertThat(Level.parse("perhaps")).isNull();
        assertThat(Level.strongest(Level.MAY, Level.SHOULD)).isEqualTo(Level.SHOULD);
        assertThat(Level.strongest(null, Level.MAY)).isEqualTo(Level.MAY);
    }

    @Test
    void knowsWhichSideAStatementBinds() {
        assertThat(catalogue.find("MQTT-3.1.0-2").orElseThrow().bindsServer()).isTrue();
        assertThat(catalogue.all()).anyMatch(s -> s.binds() == Statement.Binds.CLIENT && !s.bindsServer());
        assertThat(catalogue.statements(Catalogue.V31)).anyMatch(s -> !s.differsFrom().isEmpty());
    }

    @Test
    void saysForEveryStatementBindingTheClientWhetherAScriptedBrokerCanSeeIt() {
        assertThat(catalogue.all()).filteredOn(Statement::bindsClient)
                .allMatch(s -> s.observableOnClient() || (s.notObservableOnClientReason() != null
                        && s.notObservableOnClientReason().length() > 10), "observable on a client, or why not");
        assertThat(catalogue.find("MQTT-2.3.1-2").orElseThrow().observableOn(TargetFacts.Kind.CLIENT)).isTrue();
        assertThat(catalogue.find("MQTT-2.3.1-2").orElseThrow().observableOn(TargetFacts.Kind.BROKER)).isFalse();
        Statement serverOnly = catalogue.find("MQTT-3.1.0-2").orElseThrow();
        assertThat(serverOnly.observableOn(TargetFacts.Kind.CLIENT)).isFalse();
        assertThat(serverOnly.notObservableReasonOn(TargetFacts.Kind.CLIENT)).isEqualTo(Statement.SERVER_ONLY);
        assertThat(serverOnly.notObservableReasonOn(TargetFacts.Kind.BROKER)).isNull();
    }

    @Test
    void aThreePointOneRunChecksTheDifferencesThatReplaceItsThreePointOneOneStatements() {
        // MQTTv3.1-2.2-7 lists MQTT-3.1.2-24 in differsFrom; MQTT-3.12.4-1 has no 3.1 difference
        assertThat(catalogue.applicable(Catalogue.V31, java.util.List.of("MQTT-3.1.2-24", "MQTT-3.12.4-1")))
                .containsExactly("MQTTv3.1-2.2-7", "MQTT-3.12.4-1");
        assertThat(catalogue.applicable(Catalogue.V311, java.util.List.of("MQTT-3.1.2-24", "MQTTv3.1-2.2-7")))
                .containsExactly("MQTT-3.1.2-24");
        assertThat(catalogue.applicable(Catalogue.V31, java.util.List.of("MQTTv3.1-2.2-7", "MQTT-3.1.2-24")))
                .containsExactly("MQTTv3.1-2.2-7");
    }

    @Test
    void theLevelOfSeveralStatementsIsTheStrongestAndUnknownIdsCountAsMust() {
        assertThat(catalogue.strongestLevel(java.util.List.of("MQTTv3.1-A-1"))).isEqualTo(Level.MAY);
        assertThat(catalogue.strongestLevel(java.util.List.of("MQTTv3.1-A-1", "MQTT-4.7.2-1"))).isEqualTo(Level.MUST);
        assertThat(catalogue.strongestLevel(java.util.List.of("MQTT-2.2.3"))).isEqualTo(Level.MUST);
    }
}
