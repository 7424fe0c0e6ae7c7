package dev.mqttkit.conformance.suite;

import dev.mqttkit.codec.Hex;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.conformance.client.ScriptedClient;
import org.junit.jupiter.api.Order;
import dev.mqttkit.conformance.junit.DisruptiveConformanceTest;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.HarnessExecutable;
import dev.mqttkit.conformance.junit.RunContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every malformed packet of the corpus that a server can receive is sent to the broker, which must close the
 * connection (MQTT 3.1.1 section 4.8) while another client goes on being served. The bytes carry the test's own
 * client id and topics ({@link CorpusBytes}); what counts as an answer is judged by {@link Reactions}.
 */
@DisruptiveConformanceTest
@Order(3)
class MalformedPacketTests {
    static final String CLOSE_ON_VIOLATION = "MQTT-4.8.0-1";
    /** Rules of filter syntax: a broker may refuse such a filter with SUBACK 0x80 (see {@link Reactions}). */
    static final Set<String> FILTER_SYNTAX = Set.of("MQTT-4.7.1-2", "MQTT-4.7.1-3", "MQTT-4.7.3-1");
    static final String UNSUPPORTED_LEVEL = "MQTT-3.1.2-2";

    @TestFactory
    Stream<DynamicNode> closesConnectionOnEveryMalformedPacket(RunContext run) {
        Map<String, List<DynamicTest>> byFile = new LinkedHashMap<>();
        for (MalformedCorpus.Case c : MalformedCorpus.serverCases()) {
            List<String> statements = new ArrayList<>(c.cites().stream()
                    .filter(id -> run.catalogue().find(id).isPresent()).toList());
            statements.add(CLOSE_ON_VIOLATION);
            if (!run.config().versions().contains(c.version()) || !run.config().selects(statements)) {
                continue;
            }
            byFile.computeIfAbsent(c.file(), k -> new ArrayList<>()).add(DynamicTest.dynamicTest(
                    c.name() + " [MQTT " + c.version().label() + "]",
                    new HarnessExecutable("malformed:" + c.file() + "/" + c.name(), c.version(), statements,
                            mqtt -> check(mqtt, c))));
        }
        List<DynamicNode> nodes = new ArrayList<>();
        byFile.forEach((file, tests) -> nodes.add(DynamicContainer.dynamicContainer(file, tests)));
        return nodes.stream();
    }

    private static void check(Harness mqtt, MalformedCorpus.Case c) {
        ScriptedClient bystander = mqtt.connected("bystander");
        ScriptedClient sender = mqtt.client("sender");
        if (c.isConnect()) {
            sender.open();
        } else {
            sender.connect();
        }
        byte[] bytes = CorpusBytes.personalize(Hex.parse(c.hex()), mqtt.clientId(""), mqtt.topicRoot() + "/");
        String what = c.name() + " (breaks " + c.rule() + ")";
        sender.sendRaw(bytes, what);
        if (c.rule().equals(UNSUPPORTED_LEVEL)) {
            Reactions.refusesConnect(mqtt, sender, Connack.UNACCEPTABLE_PROTOCOL_VERSION, what, true);
        } else if (c.isSubscribe() && c.cites().stream().anyMatch(FILTER_SYNTAX::contains)) {
            Reactions.refusesFilter(mqtt, sender, what, c.probe());
        } else {
            Reactions.closes(mqtt, sender, what, c.probe());
        }
        bystander.expectNothing();
    }
}
