package dev.mqttkit.report;

import dev.mqttkit.report.model.PropertyRun;
import dev.mqttkit.report.model.TranscriptEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Values published by another module are not trusted: bad ones become visible notes, never exceptions. */
class ContractEntriesTests {

    @Test
    void unreadableTranscriptBecomesANoteAndKeepsTheReadableParts() {
        List<TranscriptEvent> events = ContractEntries.transcript(List.of(
                "[{\"conn\": \"c1\", \"dir\": \"out\", \"summary\": \"PINGREQ\", \"hex\": \"c0 00\"}]",
                "{not json", "{\"an\": \"object\"}"));

        assertThat(events).extracting(TranscriptEvent::summary).first().isEqualTo("PINGREQ");
        assertThat(events).hasSize(3);
        assertThat(events.subList(1, 3)).allSatisfy(e -> {
            assertThat(e.summary()).startsWith("unreadable transcript entry");
            assertThat(e.dir()).isEqualTo("event");
        });
    }

    @Test
    void propertyTextThatIsNotJsonIsKeptAsTheCounterexample() {
        PropertyRun run = ContractEntries.property("Falsified after 3 examples: PUBLISH(...)");

        assertThat(run.counterexample()).isEqualTo("Falsified after 3 examples: PUBLISH(...)");
        assertThat(run.seed()).isNull();
        assertThat(ContractEntries.property("{\"seed\": \"not a number\", \"examples\": 7}").examples())
                .isEqualTo(7);
    }

    @Test
    void targetWithoutANameIsIgnored() {
        assertThat(ContractEntries.target("{\"url\": \"tcp://h:1\"}")).isEmpty();
        assertThat(ContractEntries.target("no json")).isEmpty();
        assertThat(ContractEntries.target("{\"name\": \" m \", \"broker\": null}"))
                .hasValueSatisfying(t -> {
                    assertThat(t.name()).isEqualTo("m");
                    assertThat(t.broker()).isNull();
                });
    }

    @Test
    void statementIdsAreSplitOnSpacesOrCommasWithoutDuplicates() {
        assertThat(ContractEntries.statements(List.of("MQTT-3.1.0-1  MQTT-3.1.0-2", "MQTT-3.1.0-1,MQTT-4.7.1-1")))
                .containsExactly("MQTT-3.1.0-1", "MQTT-3.1.0-2", "MQTT-4.7.1-1");
    }
}
