package dev.mqttkit.conformance.coverage;

import dev.mqttkit.contract.Catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageTests {
    private final Catalogue catalogue = Catalogue.load();

    @Test
    void everyObservableBrokerStatementIsCheckedOrListedAsUntestedWithAReason() {
        assertThat(Coverage.gaps(catalogue))
                .as("broker-side observable statements without a declaring test and not listed in %s",
                        Coverage.UNTESTED)
                .isEmpty();
    }

    @Test
    void untestedListNamesOnlyCatalogueStatementsNotAlsoDeclaredByATest() {
        Map<String, String> untested = Coverage.untested();
        assertThat(untested.keySet()).allMatch(id -> catalogue.find(id).isPresent());
        assertThat(untested.values()).allMatch(reason -> reason.length() > 10);
        assertThat(untested.keySet()).doesNotContainAnyElementsOf(Coverage.declarations().keySet());
    }

    @Test
    void everyDeclaredStatementIdExistsInTheCatalogueOrIsACodecSectionRule() {
        assertThat(Coverage.declarations().keySet())
                .allMatch(id -> catalogue.find(id).isPresent() || id.matches("MQTT-\\d+\\.\\d+(\\.\\d+)?")
                        || id.matches("MQTTv3\\.1-[0-9A.]+"), "a catalogue id or a section reference");
    }
}
