package dev.mqttkit.conformance.scenario;

import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Will;
import dev.mqttkit.conformance.client.Flows;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.PacketMatcher;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.junit.Harness;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Plays a {@link Scenario} against the broker through a {@link Harness}. Consecutive {@code expect} lines of one
 * client are taken as a group: their packets may arrive in any order except that PUBLISH packets of one topic and
 * QoS keep the order written (MQTT-4.6.0-6), so a retained message before its SUBACK, or messages of two topics
 * delivered the other way round, pass; the order the broker chose is named when it differs from the script.
 */
public final class ScenarioRunner {
    private final Harness mqtt;
    private final Map<String, ScriptedClient> clients = new HashMap<>();
    private final Variables vars = new Variables();
    private final UnaryOperator<String> root;

    public ScenarioRunner(Harness mqtt) {
        this.mqtt = mqtt;
        this.root = mqtt::topic;
    }

    public void run(Scenario scenario) {
        mqtt.scenario(scenario.text());
        List<Step> steps = scenario.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            mqtt.checking(checks(step).toArray(String[]::new));
            if (step instanceof Step.Expect) {
                List<Step.Expect> group = group(steps, i);
                expect(group);
                i += group.size() - 1;
            } else {
                execute(step);
            }
        }
        mqtt.checking();
        for (ScriptedClient c : clients.values()) {
            c.verifyNothingUnexpected();
        }
    }

    /**
     * What a failure at this step breaks: the statements the line names, else, for the answers of the usual
     * exchanges (SUBACK, PUBACK, ...) and for CONNECT, the statements those exchanges are bound by, like
     * {@link dev.mqttkit.conformance.client.Flows}; else all of the scenario's.
     */
    private static List<String> checks(Step step) {
        if (!step.checks().isEmpty()) {
            return step.checks();
        }
        if (step instanceof Step.Connect) {
            return Flows.CONNACK;
        }
        if (step instanceof Step.Expect e) {
            return switch (e.packet().type()) {
                case "SUBACK" -> Flows.SUBACK;
                case "UNSUBACK" -> Flows.UNSUBACK;
                case "PUBACK" -> Flows.PUBACK;
                case "PUBREC" -> Flows.PUBREC;
                case "PUBCOMP" -> Flows.PUBCOMP;
                case "PUBREL" -> Flows.PUBREL;
                default -> List.of();
            };
        }
        return List.of();
    }

    private ScriptedClient client(String name) {
        return clients.computeIfAbsent(name, mqtt::client);
    }

    private void execute(Step step) {
        ScriptedClient c = client(step.client());
        if (step instanceof Step.Connect s) {
            connect(c, s);
        } else if (step instanceof Step.Send s) {
            c.send(s.packet().packet(vars, root));
        } else if (step instanceof Step.ExpectNothing) {
            c.expectNothingDelivered();
        } else if (step instanceof Step.ExpectClosed) {
            c.expectClosed();
        } else if (step instanceof Step.Disconnect) {
            c.disconnect();
        } else if (step instanceof Step.Drop) {
            c.dropConnection();
        } else if (step instanceof Step.Expect s) {
            expect(List.of(s));
        }
    }

    /** The {@code expect} at {@code from} and the ones of the same client right after it. */
    private static List<Step.Expect> group(List<Step> steps, int from) {
        List<Step.Expect> group = new ArrayList<>();
        String client = steps.get(from).client();
        for (int i = from; i < steps.size() && steps.get(i) instanceof Step.Expect e && e.client().equals(client);
             i++) {
            group.add(e);
        }
        return group;
    }

    private void expect(List<Step.Expect> group) {
        ScriptedClient c = client(group.get(0).client());
        List<Step.Expect> open = new ArrayList<>(group);
        List<Integer> arrival = new ArrayList<>();
        while (!open.isEmpty()) {
            mqtt.checking(checks(open.get(0)).toArray(String[]::new));
            Packet p = c.expect(Match.any());
            Step.Expect hit = firstMatch(open, p);
            if (hit == null) {
                Step.Expect first = open.get(0);
                if (first.packet().grantsLessThan(p)) {
                    mqtt.observed("granted " + p.summary() + " where the scenario asks for more");
                    mqtt.notApplicable("line " + first.line() + ": the broker granted less (" + p.summary()
                            + "), as it may, where the scenario needs " + first.packet());
                }
                mqtt.checking(checks(first).toArray(String[]::new));
                throw c.fail("line " + first.line() + " '" + first.text() + "': expected " + describe(open)
                        + " but received " + p.summary());
            }
            hit.packet().bind(vars, p);
            arrival.add(group.indexOf(hit));
            open.remove(hit);
        }
        List<Integer> written = new ArrayList<>(arrival);
        written.sort(null);
        if (!arrival.equals(written)) {
            mqtt.observed(group.get(0).client() + " received lines " + lines(group, arrival) + " in that order,"
                    + " which the specification allows");
        }
    }

    /**
     * The first open expectation the packet matches; a PUBLISH may not overtake an earlier open expectation of the
     * same topic and QoS.
     */
    private Step.Expect firstMatch(List<Step.Expect> open, Packet p) {
        for (Step.Expect e : open) {
            PacketMatcher<Packet> m = e.packet().matcher(vars, root);
            if (m.matches(p)) {
                String key = e.packet().orderKey();
                for (Step.Expect earlier : open.subList(0, open.indexOf(e))) {
                    if (key != null && key.equals(earlier.packet().orderKey())) {
                        return null;
                    }
                }
                return e;
            }
        }
        return null;
    }

    private String describe(List<Step.Expect> open) {
        List<String> parts = new ArrayList<>();
        for (Step.Expect e : open) {
            parts.add(e.packet().matcher(vars, root).toString());
        }
        return open.size() == 1 ? parts.get(0) : "one of " + parts;
    }

    private static String lines(List<Step.Expect> group, List<Integer> arrival) {
        List<String> out = new ArrayList<>();
        arrival.forEach(i -> out.add(String.valueOf(group.get(i).line())));
        return String.join(", ", out);
    }

    private void connect(ScriptedClient c, Step.Connect step) {
        Connect packet = c.connectPacket(step.clean(), step.keepAlive());
        if (step.will() != null) {
            Step.Will w = step.will();
            packet = packet.withWill(new Will(root.apply(w.topic()), Payload.utf8(w.message()), w.qos(), w.retain()));
        }
        Connack ack = c.connect(packet);
        String mismatch = Match.connack(step.returnCode()).mismatch(ack);
        if (mismatch == null && step.sessionPresent() != null) {
            // the return code is the exchange's; session present is what the scenario checks
            mqtt.checking(step.checks().toArray(String[]::new));
            mismatch = Match.connack(step.sessionPresent() == 1, step.returnCode()).mismatch(ack);
        }
        if (mismatch != null) {
            throw c.fail("line " + step.line() + " '" + step.text() + "': " + mismatch);
        }
    }
}
