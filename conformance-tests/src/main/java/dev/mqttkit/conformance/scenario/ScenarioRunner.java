package dev.mqttkit.conformance.scenario;

import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Will;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.junit.Harness;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Plays a {@link Scenario} against the broker through a {@link Harness}, one step at a time. */
public final class ScenarioRunner {
    private final Harness mqtt;
    private final Map<String, ScriptedClient> clients = new HashMap<>();
    private final PacketSyntax syntax;

    public ScenarioRunner(Harness mqtt) {
        this.mqtt = mqtt;
        this.syntax = new PacketSyntax(t -> mqtt.topic(t));
    }

    public void run(Scenario scenario) {
        mqtt.scenario(scenario.text());
        for (Scenario.Step step : scenario.steps()) {
            try {
                execute(step);
            } catch (AssertionError | TestAbortedException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new IllegalStateException(scenario.name() + ":" + step.line() + ": " + e.getMessage(), e);
            }
        }
        for (ScriptedClient c : clients.values()) {
            c.verifyNothingUnexpected();
        }
    }

    private void execute(Scenario.Step step) {
        ScriptedClient c = clients.computeIfAbsent(step.client(), mqtt::client);
        List<String> args = step.args();
        switch (step.verb()) {
            case "connect" -> connect(c, args, step);
            case "send" -> c.send(syntax.packet(args));
            case "expect" -> expect(c, args, step);
            case "expect-nothing" -> c.expectNothing();
            case "expect-closed" -> c.expectClosed();
            case "drop" -> c.dropConnection();
            case "disconnect" -> c.disconnect();
            default -> throw new IllegalArgumentException("unknown verb " + step.verb());
        }
    }

    private void expect(ScriptedClient c, List<String> args, Scenario.Step step) {
        Packet p = c.expect(Match.any());
        String mismatch = syntax.mismatch(args, p);
        if (mismatch == null) {
            return;
        }
        if (p instanceof Suback s && lowerGrant(args, s)) {
            mqtt.observed("granted " + s.returnCodes() + " where the scenario asks for more");
            mqtt.notApplicable("line " + step.line() + ": the broker granted " + s.returnCodes()
                    + " (a lower QoS is a conforming choice) where the scenario needs " + String.join(" ", args));
        }
        throw new AssertionFailedError("line " + step.line() + " '" + step.text() + "': " + c.fail(mismatch).getMessage());
    }

    /** Whether the SUBACK differs from the expected codes only by granting lower QoS, which brokers may do. */
    private static boolean lowerGrant(List<String> args, Suback s) {
        for (String a : args) {
            if (a.startsWith("codes=")) {
                String[] want = a.substring(6).split(",");
                if (want.length != s.returnCodes().size()) {
                    return false;
                }
                for (int i = 0; i < want.length; i++) {
                    int got = s.returnCodes().get(i);
                    if (got > Integer.parseInt(want[i]) || got == Suback.FAILURE) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** {@code connect [clean|persistent] [k=N] [will q=N r=0|1 'topic' "message"] [sp=0|1] [rc=N]}. */
    private void connect(ScriptedClient c, List<String> args, Scenario.Step step) {
        boolean clean = !args.contains("persistent");
        int keepAlive = 60;
        Integer sessionPresent = null;
        int rc = Connack.ACCEPTED;
        Will will = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("k=")) {
                keepAlive = Integer.parseInt(a.substring(2));
            } else if (a.startsWith("sp=")) {
                sessionPresent = Integer.parseInt(a.substring(3));
            } else if (a.startsWith("rc=")) {
                rc = Integer.parseInt(a.substring(3));
            } else if (a.equals("will")) {
                int q = 0;
                boolean retain = false;
                String topic = null;
                String message = "";
                for (i = i + 1; i < args.size(); i++) {
                    String w = args.get(i);
                    if (w.startsWith("q=")) {
                        q = Integer.parseInt(w.substring(2));
                    } else if (w.startsWith("r=")) {
                        retain = w.equals("r=1");
                    } else if (w.startsWith("'")) {
                        topic = mqtt.topic(w.substring(1, w.length() - 1));
                    } else if (w.startsWith("\"")) {
                        message = w.substring(1, w.length() - 1);
                        break;
                    }
                }
                will = new Will(topic, Payload.utf8(message), Qos.of(q), retain);
            }
        }
        Connect packet = c.connectPacket(clean, keepAlive);
        if (will != null) {
            packet = packet.withWill(will);
        }
        Connack ack = c.connect(packet);
        String expected = "CONNACK" + (sessionPresent == null ? "" : " sp=" + sessionPresent) + " rc=" + rc;
        List<String> expectArgs = new java.util.ArrayList<>(List.of(expected.split(" ")));
        String mismatch = syntax.mismatch(expectArgs, ack);
        if (mismatch != null) {
            throw new AssertionFailedError("line " + step.line() + " '" + step.text() + "': "
                    + c.fail(mismatch).getMessage());
        }
    }
}
