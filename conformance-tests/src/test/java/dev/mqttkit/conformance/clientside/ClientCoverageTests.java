package dev.mqttkit.conformance.clientside;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.contract.Catalogue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientCoverageTests {
    private final Catalogue catalogue = Catalogue.load();

    @Test
    void everyStatementObservableOnAClientIsCheckedOrListedAsUntestedWithAReason() {
        assertThat(ClientCoverage.gaps(catalogue))
                .as("client-side observable statements without a declaring case and not listed in %s",
                        ClientCoverage.UNTESTED)
                .isEmpty();
    }

    @Test
    void untestedListNamesOnlyClientObservableStatementsNoCaseDeclares() {
        Map<String, String> untested = ClientCoverage.untested();
        assertThat(untested.keySet()).allMatch(id -> catalogue.find(id).map(s -> s.observableOnClient())
                .orElse(false), "a statement observable on a client");
        assertThat(untested.values()).allMatch(reason -> reason.length() > 10);
        assertThat(untested.keySet()).doesNotContainAnyElementsOf(ClientCoverage.declarations().keySet());
    }

    @Test
    void everyDeclaredStatementBindsTheClientOrIsASectionReference() {
        assertThat(ClientCoverage.declarations().keySet())
                .allMatch(id -> catalogue.find(id).map(s -> s.bindsClient()).orElse(false)
                        || id.matches("MQTT-\\d+(\\.\\d+){1,3}"), "a client-binding statement or a section");
    }
}
