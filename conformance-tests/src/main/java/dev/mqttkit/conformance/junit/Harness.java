package dev.mqttkit.conformance.junit;

import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.conformance.client.ClientContext;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.PublishMatcher;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.client.Timeouts;
import dev.mqttkit.conformance.client.Transcript;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.contract.PropertyRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * One test's view of the broker: creates clients with unique ids, hands out unique topics, and collects what the
 * report shows besides pass and fail (the behaviour observed, a SHOULD not met, the scenario, property data). When
 * the test ends it disconnects its clients and removes what it left on the broker: retained messages and persistent
 * sessions, also when it failed. One per test invocation; nothing in it is shared between tests.
 */
public final class Harness implements AutoCloseable {
    private final RunContext run;
    private final ProtocolVersion version;
    private final Transcript transcript = new Transcript();
    private final Leftovers leftovers = new Leftovers();
    private final ClientContext clients;
    private final List<ScriptedClient> created = new ArrayList<>();
    private final TestNames names;
    private final String topicRoot;
    private final List<String> observed = new ArrayList<>();
    private List<String> checking = List.of();
    private String warning;
    private String scenario;
    private PropertyRun property;
    private Throwable setupFailure;
    private int markers;

    Harness(RunContext run, ProtocolVersion version, String testKey) {
        this.run = run;
        this.version = version;
        this.names = run.namesFor(testKey);
        this.topicRoot = names.next("t");
        this.clients = run.clientContext(transcript, leftovers);
    }

    public ProtocolVersion version() {
        return version;
    }

    public Timeouts timeouts() {
        return run.timeouts();
    }

    public Transcript transcript() {
        return transcript;
    }

    /** A client with a unique id, not yet connected; {@code label} names it in the transcript. */
    public ScriptedClient client(String label) {
        return client(label, version, clientId(label));
    }

    /** A client with the given id and version (for tests of the client-id and version rules). */
    public synchronized ScriptedClient client(String label, ProtocolVersion v, String clientId) {
        ScriptedClient c = new ScriptedClient(label, clientId, v, clients);
        created.add(c);
        return c;
    }

    /** A client connected with a clean session and accepted. */
    public ScriptedClient connected(String label) {
        ScriptedClient c = client(label);
        c.connect();
        return c;
    }

    /** A fresh client id, unique in this run and the same in every run; at most 23 characters (MQTT 3.1). */
    public String clientId(String label) {
        return names.next(label);
    }

    /** A topic unique to this test: {@code <prefix+n>/<suffix>}. Nothing else in the run publishes below it. */
    public String topic(String suffix) {
        return topicRoot + "/" + suffix;
    }

    /** The level all of this test's topics live under. */
    public String topicRoot() {
        return topicRoot;
    }

    /**
     * Names the statements the following steps check, so a failure there is reported against them rather than
     * against every statement of the test.
     */
    public void checking(String... statementIds) {
        this.checking = List.of(statementIds);
    }

    /**
     * Proves that {@code subscriber} gets no further copy of what {@code publisher} sent on {@code topic} at
     * {@code qos}: the publisher sends a marker on the same topic at the same QoS, and everything that reaches the
     * subscriber before the marker is returned. MQTT-4.6.0-6 orders those, on any connection.
     */
    public List<Publish> deliveredBeforeMarker(ScriptedClient publisher, ScriptedClient subscriber, String topic,
                                               Qos qos) {
        String marker = "marker " + (++markers);
        publisher.publish(topic, marker, qos, false);
        PublishMatcher matcher = Match.publish(topic).payload(marker);
        return subscriber.collectUntil(matcher);
    }

    /** Names which of several conforming behaviours the broker showed (e.g. "closed the connection"). */
    public void observed(String behaviour) {
        synchronized (observed) {
            observed.add(behaviour);
        }
    }

    /** Records a SHOULD the broker did not meet: the test passes with verdict WARN. */
    public void warn(String reason) {
        this.warning = reason;
    }

    /**
     * Ends the test as INCONCLUSIVE: it could not check its statements for a reason that says nothing about the
     * broker (the suite's own client could not keep time, say).
     */
    public void inconclusive(String reason) {
        throw new NotChecked(dev.mqttkit.contract.Verdict.INCONCLUSIVE, reason);
    }

    /** Ends the test as NOT_APPLICABLE: the broker lacks an optional feature the test needs. */
    public void notApplicable(String reason) {
        Assumptions.abort(reason);
    }

    public void scenario(String text) {
        this.scenario = text;
    }

    /** What a property test found: its seed, how many examples it tried, and any counterexample. */
    public void property(PropertyRun run) {
        this.property = run;
    }

    /** A client of the test could not be connected before the test began; the test then does not run. */
    void setupFailed(Throwable e) {
        if (setupFailure == null) {
            setupFailure = e;
        }
    }

    Throwable setupFailure() {
        return setupFailure;
    }

    List<String> checkingStatements() {
        return checking;
    }

    String warning() {
        return warning;
    }

    String observedText() {
        List<String> all = new ArrayList<>(leftovers.observations());
        synchronized (observed) {
            all.addAll(observed);
        }
        return all.isEmpty() ? null : String.join("; ", all);
    }

    String scenarioText() {
        return scenario;
    }

    String propertyJson() {
        return property == null ? null : property.toJson();
    }

    RunContext run() {
        return run;
    }

    ClientContext clientContext() {
        return clients;
    }

    /** The client ids this test used, for probing whether the broker still serves them. */
    synchronized List<String> clientIds() {
        return created.stream().map(ScriptedClient::clientId).distinct().toList();
    }

    /** Fails when any client received packets the test never took. */
    void verifyNothingUnexpected() {
        List<ScriptedClient> all;
        synchronized (this) {
            all = List.copyOf(created);
        }
        for (ScriptedClient c : all) {
            c.verifyNothingUnexpected();
        }
    }

    /** Ends every connection with DISCONNECT (so no will fires now), then removes what the test left behind. */
    @Override
    public synchronized void close() {
        for (ScriptedClient c : created) {
            if (c.isConnected()) {
                try {
                    c.disconnect();
                } catch (RuntimeException e) {
                    c.close();
                }
            }
            c.close();
        }
        if (setupFailure == null && !run.health().stopped()) {
            leftovers.clear(id -> new ScriptedClient("cleanup", id, version, clients),
                    new ScriptedClient("cleanup", names.next("cleanup"), version, clients), transcript);
        }
    }
}
