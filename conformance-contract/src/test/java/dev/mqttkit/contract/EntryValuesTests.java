package dev.mqttkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.contract.TranscriptEvent.Direction;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values published by one module and read by another: what is written reads back, bad values never throw. */
class EntryValuesTests {

    @Test
    void everyKeyIsDistinctAndCarriesThePrefix() {
        assertThat(EntryKey.values()).extracting(EntryKey::key).doesNotHaveDuplicates()
                .allMatch(k -> k.startsWith(EntryKey.PREFIX));
        assertThat(EntryKey.of("mqttkit.verdict")).contains(EntryKey.VERDICT);
        assertThat(EntryKey.of("mqttkit.nope")).isEmpty();
    }

    @Test
    void transcriptReadsBackWhatWasWritten() {
        List<TranscriptEvent> events = List.of(
                new TranscriptEvent("sub", 0, Direction.OUT, 12, "c0 00", "PINGREQ", List.of(), false),
                new TranscriptEvent("sub", 1, Direction.IN, 250, "d0 00", "PINGRESP", List.of("MQTT-x: y"), true),
                new TranscriptEvent("sub", 2, Direction.EVENT, 300, "", "connection closed by the broker", null,
                        false));

        assertThat(TranscriptEvent.parse(List.of(TranscriptEvent.toJson(events)))).isEqualTo(events);
    }

    @Test
    void unreadableTranscriptBecomesANoteAndKeepsTheReadableParts() {
        List<TranscriptEvent> events = TranscriptEvent.parse(List.of(
                "[{\"conn\": \"c1\", \"dir\": \"out\", \"summary\": \"PINGREQ\", \"hex\": \"c0 00\"}]",
                "{not json", "{\"an\": \"object\"}"));

        assertThat(events).extracting(TranscriptEvent::summary).first().isEqualTo("PINGREQ");
        assertThat(events).hasSize(3);
        assertThat(events.subList(1, 3)).allSatisfy(e -> {
            assertThat(e.summary()).startsWith("unreadable transcript entry");
            assertThat(e.dir()).isEqualTo(Direction.EVENT);
        });
    }

    @Test
    void propertyTextThatIsNotJsonIsKeptAsTheCounterexample() {
        PropertyRun run = PropertyRun.parse("Falsified after 3 examples: PUBLISH(...)");

        assertThat(run.counterexample()).isEqualTo("Falsified after 3 examples: PUBLISH(...)");
        assertThat(run.seed()).isNull();
        assertThat(PropertyRun.parse("{\"seed\": \"not a number\", \"examples\": 7}").examples()).isEqualTo(7);
        PropertyRun full = new PropertyRun(42L, 25, "filters [R/+], topics [R/a]");
        assertThat(PropertyRun.parse(full.toJson())).isEqualTo(full);
    }

    @Test
    void targetWithoutANameIsIgnored() {
        assertThat(TargetFacts.parse("{\"url\": \"tcp://h:1\"}")).isEmpty();
        assertThat(TargetFacts.parse("no json")).isEmpty();
        assertThat(TargetFacts.parse("{\"name\": \" m \", \"broker\": null}")).hasValueSatisfying(t -> {
            assertThat(t.name()).isEqualTo("m");
            assertThat(t.broker()).isNull();
        });
        TargetFacts full = new TargetFacts("mosquitto", "at 127.0.0.1:1883", "tcp://127.0.0.1:1883", null,
                "mosquitto version 2.0.11", java.util.Map.of("3.1", "closed the connection without CONNACK"));
        assertThat(TargetFacts.parse(full.toJson())).contains(full);
    }

    @Test
    void aClientTargetSaysSoAndAnOlderValueIsABroker() {
        TargetFacts client = new TargetFacts("paho-java", "client library driven by java -jar driver.jar", null, null,
                "Eclipse Paho Java 1.2.5", java.util.Map.of(), TargetFacts.Kind.CLIENT);
        assertThat(TargetFacts.parse(client.toJson())).contains(client);
        assertThat(TargetFacts.parse("{\"name\": \"m\"}")).hasValueSatisfying(t -> assertThat(t.kind())
                .isEqualTo(TargetFacts.Kind.BROKER));
    }

    @Test
    void cascadeReadsBackAndNeedsACulprit() {
        Cascade c = new Cascade("PublishTests#x [3.1.1]", "2 of 4 new connections got no CONNACK", true);
        assertThat(Cascade.parse(c.toJson())).contains(c);
        assertThat(Cascade.parse("{\"evidence\": \"e\"}")).isEmpty();
        assertThat(Cascade.parse("nope")).isEmpty();
    }

    @Test
    void statementIdsAreSplitOnSpacesOrCommasWithoutDuplicates() {
        assertThat(StatementIds.parse(List.of("MQTT-3.1.0-1  MQTT-3.1.0-2", "MQTT-3.1.0-1,MQTT-4.7.1-1")))
                .containsExactly("MQTT-3.1.0-1", "MQTT-3.1.0-2", "MQTT-4.7.1-1");
        List<String> ids = List.of("MQTT-3.1.0-1", "MQTTv3.1-2.2-1");
        assertThat(StatementIds.parse(List.of(StatementIds.format(ids)))).isEqualTo(ids);
    }

    @Test
    void verdictsParseByNameOnlyAndUntestedIsNoTestVerdict() {
        assertThat(Arrays.stream(Verdict.values()).filter(v -> v != Verdict.UNTESTED))
                .allMatch(v -> Verdict.parse(v.name()).orElseThrow() == v);
        assertThat(Verdict.parse("not applicable")).contains(Verdict.NOT_APPLICABLE);
        assertThat(Verdict.parse("UNTESTED")).isEmpty();
        assertThat(Verdict.parse("GREAT")).isEmpty();
        assertThat(Verdict.worst(Verdict.PASS, Verdict.FAIL)).isEqualTo(Verdict.FAIL);
    }
}
