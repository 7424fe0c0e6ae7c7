package dev.mqttkit.conformance.suite;

import dev.mqttkit.codec.Hex;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.conformance.client.Closure;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.HarnessExecutable;
import dev.mqttkit.conformance.junit.RunContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every malformed packet of the corpus that a server can receive is sent to the broker, which must close the
 * connection (MQTT 3.1.1 section 4.8) while another client goes on being served.
 */
@ConformanceTest
class MalformedPacketTests {
    static final String CLOSE_ON_VIOLATION = "MQTT-4.8.0-1";

    @TestFactory
    Stream<DynamicNode> closesConnectionOnEveryMalformedPacket(RunContext run) {
        Map<String, List<DynamicTest>> byFile = new LinkedHashMap<>();
        for (MalformedCorpus.Case c : MalformedCorpus.serverCases()) {
            List<String> statements = List.of(c.rule(), CLOSE_ON_VIOLATION);
            if (!run.config().versions().contains(c.version()) || !run.config().selects(statements)) {
                continue;
            }
            byFile.computeIfAbsent(c.file(), k -> new ArrayList<>()).add(DynamicTest.dynamicTest(
                    c.name() + " [MQTT " + c.version().label() + "]",
                    new HarnessExecutable(c.version(), statements, mqtt -> check(mqtt, c))));
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
        sender.sendRaw(Hex.parse(c.hex()), c.name() + " (breaks " + c.rule() + ")");
        Closure closure = sender.awaitClosure(sender.timeouts().closure());
        List<Packet> before = closure.before();
        if (c.isConnect() && c.rule().equals("MQTT-3.1.2-2") && !before.isEmpty()
                && before.get(0) instanceof Connack ack && ack.returnCode() == Connack.ACCEPTED) {
            sender.close();
            mqtt.notApplicable("the broker supports this protocol level (it accepted the CONNECT)");
        }
        if (!closure.closed() && c.version() == ProtocolVersion.MQTT_3_1 && !c.fatal()) {
            mqtt.warn("kept the connection open after: " + c.name()
                    + " (MQTT 3.1 forbids sending it but names no reaction)");
            mqtt.observed(before.isEmpty() ? "ignored the packet" : "answered " + before.get(0).summary());
            bystander.expectNothing();
            return;
        }
        String expected = "expected the connection to be closed after " + c.name() + " (breaks " + c.rule() + ")";
        if (!closure.closed()) {
            String did = closure.malformed() != null ? "sent bytes that are no MQTT packet: " + closure.malformed()
                    : (before.isEmpty() ? "did not answer" : "answered " + summaries(before))
                    + " and kept it open for " + sender.timeouts().closure().toMillis() + " ms";
            throw sender.fail(expected + "; the broker " + did);
        }
        if (c.isConnect() && before.size() == 1 && before.get(0) instanceof Connack ack && ack.returnCode() != 0) {
            mqtt.observed("refused the CONNECT with " + ack.summary() + " and closed the connection");
        } else if (!before.isEmpty()) {
            throw sender.fail(expected + " without an answer; the broker answered " + summaries(before)
                    + " and then closed it");
        } else {
            mqtt.observed("closed the connection without answering");
        }
        bystander.expectNothing();
    }

    private static String summaries(List<Packet> packets) {
        return packets.stream().map(Packet::summary).collect(Collectors.joining(", "));
    }
}
