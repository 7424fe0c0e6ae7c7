package dev.mqttkit.conformance.junit;

import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.client.Timeouts;
import dev.mqttkit.conformance.client.Transcript;
import dev.mqttkit.conformance.client.Endpoint;
import dev.mqttkit.contract.PropertyRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * One test's view of the broker: creates clients with unique ids, hands out unique topics, and collects what the
 * report shows besides pass and fail (the behaviour observed, a SHOULD not met, the scenario, property data).
 * One per test invocation; nothing in it is shared between tests.
 */
public final class Harness implements AutoCloseable {
    private final RunContext run;
    private final ProtocolVersion version;
    private final Transcript transcript = new Transcript();
    private final List<ScriptedClient> clients = new ArrayList<>();
    private final String topicRoot;
    private final List<String> observed = new ArrayList<>();
    private String warning;
    private String scenario;
    private PropertyRun property;

    Harness(RunContext run, ProtocolVersion version) {
        this.run = run;
        this.version = version;
        this.topicRoot = run.uniqueName("t");
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

    public Endpoint endpoint() {
        return run.target().endpoint();
    }

    /** A client with a unique id, not yet connected; {@code label} names it in the transcript. */
    public ScriptedClient client(String label) {
        return client(label, version, clientId(label));
    }

    /** A client with the given id and version (for tests of the client-id and version rules). */
    public synchronized ScriptedClient client(String label, ProtocolVersion v, String clientId) {
        ScriptedClient c = new ScriptedClient(label, clientId, v, endpoint(), transcript, run.timeouts(),
                run.config().userName(), run.password());
        clients.add(c);
        return c;
    }

    /** A client connected with a clean session and accepted. */
    public ScriptedClient connected(String label) {
        ScriptedClient c = client(label);
        c.connect();
        return c;
    }

    /** A fresh client id, unique in this run; at most 23 characters, as MQTT 3.1 requires. */
    public String clientId(String label) {
        return run.uniqueName(label);
    }

    /** A topic unique to this test: {@code <prefix+n>/<suffix>}. Nothing else in the run publishes below it. */
    public String topic(String suffix) {
        return topicRoot + "/" + suffix;
    }

    /** The level all of this test's topics live under. */
    public String topicRoot() {
        return topicRoot;
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

    String warning() {
        return warning;
    }

    String observedText() {
        synchronized (observed) {
            return observed.isEmpty() ? null : String.join("; ", observed);
        }
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

    /** Fails when any client received packets the test never took. */
    void verifyNothingUnexpected() {
        List<ScriptedClient> all;
        synchronized (this) {
            all = List.copyOf(clients);
        }
        for (ScriptedClient c : all) {
            c.verifyNothingUnexpected();
        }
    }

    @Override
    public synchronized void close() {
        for (ScriptedClient c : clients) {
            c.close();
        }
    }
}
