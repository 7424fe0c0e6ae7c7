package dev.mqttkit.conformance.clientside;

import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Subscribe;
import dev.mqttkit.codec.packet.Subscription;
import dev.mqttkit.conformance.client.Timeouts;
import dev.mqttkit.conformance.client.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * One case's view of the client under test: the {@link ScriptedBroker} it connects to, the driver started with the
 * case's options, unique client ids and topics, and what the report shows besides pass and fail (the behaviour
 * observed, a SHOULD not met). The set-up steps every case shares (start the driver, take its CONNECT, accept it,
 * take its SUBSCRIBE) are {@link #session}; what fails there without breaking a rule is a set-up failure, not a
 * finding. When the case ends, the driver is stopped by its process handle and the broker closed.
 */
public final class ClientHarness implements AutoCloseable {
    private final ClientRun run;
    private final ProtocolVersion version;
    private final Transcript transcript = new Transcript();
    private final ScriptedBroker broker;
    private final List<DriverProcess> drivers = new ArrayList<>();
    private final List<String> observed = new ArrayList<>();
    private List<String> checking = List.of();
    private String warning;

    ClientHarness(ClientRun run, ProtocolVersion version) {
        this.run = run;
        this.version = version;
        this.broker = new ScriptedBroker(transcript, run.timeouts());
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

    public ScriptedBroker broker() {
        return broker;
    }

    /** The case's default options: a unique client id and topic prefix, QoS 1, CleanSession 1, keep-alive 60 s. */
    public DriverOptions options() {
        return DriverOptions.of(broker.url(), run.uniqueName("c"), run.uniqueName("t"), version);
    }

    /** Starts the driver with {@code o}; a driver that cannot start ends the case as not checked. */
    public DriverProcess start(DriverOptions o) {
        DriverProcess d = setup("the client driver could not be started",
                () -> DriverProcess.start(run.command(), o, transcript));
        synchronized (drivers) {
            drivers.add(d);
        }
        return d;
    }

    /** The driver's first connection, within the time a driver may take to start. */
    public ClientLink firstConnection() {
        return setup("the client did not connect", () -> broker.accept(run.driverStart()));
    }

    /**
     * The driver's next connection after the broker dropped one: the contract says it reconnects by itself. Set-up
     * waits (this one, the CONNECT, the SUBSCRIBE) are long: they only cost time when something is wrong, and a
     * library's JVM on a busy machine may take seconds for what it usually does in milliseconds.
     */
    public ClientLink reconnection() {
        return setup("the client did not reconnect by itself",
                () -> broker.accept(run.timeouts().scaled(java.time.Duration.ofSeconds(10))));
    }

    /** Tells the driver to exit and takes the DISCONNECT the contract says it sends first. */
    public void disconnect(ClientLink link, DriverOptions o) {
        exit(link, o);
        setup("the driver did not disconnect when told to exit", () -> new Conversation(link).until(
                ClientMatch.disconnect()));
    }

    /**
     * Starts the driver and takes it through the contract's set-up: its CONNECT (accepted), its SUBSCRIBE to
     * {@code <prefix>/in/#} (granted at the QoS asked). Returns the connection.
     */
    public ClientLink session(DriverOptions o) {
        start(o);
        ClientLink link = firstConnection();
        connect(link, o, false);
        subscribed(link, o);
        return link;
    }

    /**
     * Takes the driver's CONNECT (as {@code o} says it is) on {@code link} and accepts it, with the session-present
     * flag in 3.1.1 (MQTT 3.1 has none).
     */
    public Connect connect(ClientLink link, DriverOptions o, boolean sessionPresent) {
        Connect c = setup("the client's CONNECT is not the one the driver was told to send",
                () -> link.expect(ClientMatch.connect(o), run.driverStart()));
        link.send(Connack.accepted(sessionPresent && link.version() != ProtocolVersion.MQTT_3_1));
        return c;
    }

    /** Takes the driver's SUBSCRIBE and grants every filter at the QoS asked. */
    public Subscribe subscribed(ClientLink link, DriverOptions o) {
        Subscribe s = subscription(link, o);
        link.send(granted(s));
        return s;
    }

    /** Takes the driver's SUBSCRIBE and leaves the answer to the case ({@link #granted}). */
    public Subscribe subscription(ClientLink link, DriverOptions o) {
        return setup("the client did not subscribe as the driver contract says",
                () -> link.expect(ClientMatch.subscribe(o), run.driverStart()));
    }

    /** The SUBACK that grants every filter of {@code s} at the QoS asked. */
    public static Suback granted(Subscribe s) {
        return new Suback(s.packetId(), s.subscriptions().stream().map(Subscription::qos).map(q -> q.value())
                .toList());
    }

    /** Sends the PUBLISH that makes the driver disconnect and exit (QoS 0, on {@code <prefix>/ctl/exit}). */
    public void exit(ClientLink link, DriverOptions o) {
        link.send(Publish.qos0(o.exitTopic(), Payload.EMPTY));
    }

    /**
     * Names the statements the following steps check, so a failure there is reported against them rather than
     * against every statement of the case.
     */
    public void checking(String... statementIds) {
        this.checking = List.of(statementIds);
    }

    /** Names which of several conforming behaviours the client showed. */
    public void observed(String behaviour) {
        synchronized (observed) {
            observed.add(behaviour);
        }
    }

    /** Records a SHOULD the client did not meet: the case passes with verdict WARN. */
    public void warn(String reason) {
        this.warning = reason;
    }

    /** Runs a set-up step; a failure there that names no broken rule means the case could not check anything. */
    private <T> T setup(String what, Supplier<T> step) {
        try {
            return step.get();
        } catch (ClientViolation v) {
            throw v;
        } catch (AssertionFailedError | IllegalStateException | IllegalArgumentException e) {
            throw new SetupFailure(what + ": " + e.getMessage(), e);
        }
    }

    List<String> checkingStatements() {
        return checking;
    }

    String warning() {
        return warning;
    }

    String observedText() {
        synchronized (observed) {
            return observed.isEmpty() ? null : String.join("; ", observed);
        }
    }

    ClientRun run() {
        return run;
    }

    /** Stops the drivers and the broker; notes the library the driver named. */
    @Override
    public void close() {
        List<DriverProcess> all;
        synchronized (drivers) {
            all = List.copyOf(drivers);
        }
        for (DriverProcess d : all) {
            d.close();
            run.library(d.library().orElse(null));
        }
        broker.close();
    }
}
