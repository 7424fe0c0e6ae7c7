package dev.mqttkit.conformance.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.contract.Catalogue;
import dev.mqttkit.contract.TargetFacts.Kind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageTests {
    private final Catalogue catalogue = Catalogue.load();

    @Test
    void everyObservableBrokerStatementIsCheckedOrListedAsUntestedWithAReason() {
        assertThat(Coverage.gaps(catalogue, Kind.BROKER))
                .as("broker-side observable statements without a declaring test and not listed in %s",
                        Coverage.untestedResource(Kind.BROKER))
                .isEmpty();
    }

    @Test
    void everyStatementObservableOnAClientIsCheckedOrListedAsUntestedWithAReason() {
        assertThat(Coverage.gaps(catalogue, Kind.CLIENT))
                .as("client-side observable statements without a declaring case and not listed in %s",
                        Coverage.untestedResource(Kind.CLIENT))
                .isEmpty();
    }

    @Test
    void brokerUntestedListNamesOnlyCatalogueStatementsNotAlsoDeclaredByATest() {
        Map<String, String> untested = Coverage.untested(Kind.BROKER);
        assertThat(untested.keySet()).allMatch(id -> catalogue.find(id).isPresent());
        assertThat(untested.values()).allMatch(reason -> reason.length() > 10);
        assertThat(untested.keySet()).doesNotContainAnyElementsOf(Coverage.declarations(Kind.BROKER).keySet());
    }

    @Test
    void clientUntestedListNamesOnlyClientObservableStatementsNoCaseDeclares() {
        Map<String, String> untested = Coverage.untested(Kind.CLIENT);
        assertThat(untested.keySet()).allMatch(id -> catalogue.find(id).map(s -> s.observableOnClient())
                .orElse(false), "a statement observable on a client");
        assertThat(untested.values()).allMatch(reason -> reason.length() > 10);
        assertThat(untested.keySet()).doesNotContainAnyElementsOf(Coverage.declarations(Kind.CLIENT).keySet());
    }

    @Test
    void everyBrokerSideDeclarationIsACatalogueIdOrACodecSectionRule() {
        assertThat(Coverage.declarations(Kind.BROKER).keySet())
                .allMatch(id -> catalogue.find(id).isPresent() || id.matches("MQTT-\\d+\\.\\d+(\\.\\d+)?")
                        || id.matches("MQTTv3\\.1-[0-9A.]+"), "a catalogue id or a section reference");
    }

    @Test
    void everyClientSideDeclarationBindsTheClientOrIsASectionReference() {
        assertThat(Coverage.declarations(Kind.CLIENT).keySet())
                .allMatch(id -> catalogue.find(id).map(s -> s.bindsClient()).orElse(false)
                        || id.matches("MQTT-\\d+(\\.\\d+){1,3}"), "a client-binding statement or a section");
    }
}
