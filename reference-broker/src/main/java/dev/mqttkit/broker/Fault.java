package dev.mqttkit.broker;

import dev.mqttkit.broker.protocol.FaultPolicy;
import java.util.Set;

/**
 * A deliberate deviation the broker can be started with, to calibrate the conformance suite. Most are defects: with
 * one switched on, the tests of the statement it names must fail, and only those. Some are behaviour the specification
 * allows but our broker does not otherwise show ({@link #allowed()}): controls on which the suite must pass. Faults are
 * off by default and can be switched on only through {@link BrokerConfig#withFaults} or the command line's
 * {@code --fault NAME --allow-faults}, never from the configuration file or the environment.
 */
public enum Fault {
    /** Live forwarding keeps the publisher's RETAIN flag. */
    RETAIN_ON_LIVE_FORWARD("MQTT-3.3.1-9"),
    /** Messages are delivered at the published QoS even when the subscription granted less. */
    NO_QOS_DOWNGRADE("MQTT-3.8.4-6"),
    /** A second CONNECT on a connection is answered with CONNACK instead of closing the connection. */
    ACCEPT_SECOND_CONNECT("MQTT-3.1.0-2"),
    /** The will is kept after DISCONNECT and published when the connection closes. */
    WILL_AFTER_DISCONNECT("MQTT-3.1.2-10"),
    /** A filter starting with '#' also matches topic names starting with '$'. */
    HASH_MATCHES_DOLLAR("MQTT-4.7.2-1"),
    /** Unacknowledged messages are not re-sent when a persistent session reconnects. */
    NO_REDELIVERY_ON_RECONNECT("MQTT-4.4.0-1"),
    /** CONNACK's session-present flag is 0 even when a stored session is resumed. */
    SESSION_PRESENT_ALWAYS_0("MQTT-3.2.2-2"),
    /** A re-sent QoS 2 PUBLISH (same id, before PUBREL) is delivered to subscribers again. */
    QOS2_DELIVERED_TWICE("MQTT-4.3.3-2"),
    /** The keep-alive interval is never enforced: silent clients stay connected. */
    KEEPALIVE_NOT_ENFORCED("MQTT-3.1.2-24"),
    /** A new subscription receives no retained messages. */
    NO_RETAINED_ON_SUBSCRIBE("MQTT-3.3.1-6"),
    /** A retained PUBLISH with an empty payload is stored instead of clearing the retained message. */
    EMPTY_RETAIN_NOT_CLEARING("MQTT-3.3.1-10"),
    /** UNSUBSCRIBE for a filter that was not subscribed gets no UNSUBACK. */
    NO_UNSUBACK_FOR_UNKNOWN("MQTT-3.10.4-5"),
    /**
     * Overlapping subscriptions each receive a copy, at that subscription's QoS. Not a defect by the letter of
     * MQTT-3.3.5-1, whose "MAY deliver further copies" allows it (one of the copies is at the highest QoS): kept as a
     * calibration control that the suite must pass while reporting what it saw. See {@link #OVERLAP_LOWEST_QOS}.
     */
    OVERLAP_DUPLICATES("MQTT-3.3.5-1", true),
    /** Overlapping subscriptions receive one copy, at the lowest QoS among them instead of the highest. */
    OVERLAP_LOWEST_QOS("MQTT-3.3.5-1"),
    /** A client connecting with an identifier already in use does not disconnect the earlier client. */
    TAKEOVER_IGNORED("MQTT-3.1.4-2"),
    /** PINGREQ is not answered. */
    NO_PINGRESP("MQTT-3.12.4-1"),
    /** A will with Will Retain set is published as an ordinary, non-retained message. */
    WILL_RETAIN_IGNORED("MQTT-3.1.2-17"),
    /** Retained messages sent because of a new subscription carry RETAIN=0. */
    RETAINED_WITHOUT_RETAIN_FLAG("MQTT-3.3.1-8"),
    /** The will is not published when the connection ends without DISCONNECT. */
    NO_WILL_ON_ABNORMAL_CLOSE("MQTT-3.1.2-8"),
    /**
     * Overlapping subscriptions receive one copy, at the QoS of the most specific matching filter (a filter without
     * wildcards, then more literal levels, then '+' before '#'; the first subscribed on a tie) instead of the
     * highest. Passes when the more specific filter has the higher QoS, fails when the less specific one has.
     */
    OVERLAP_MOST_SPECIFIC_QOS("MQTT-3.3.5-1"),
    /** A client's own publications are not delivered to its own matching subscriptions. */
    NO_SELF_DELIVERY("MQTT-4.5.0-1"),
    /** A silent client is closed only after 3 times its keep-alive instead of 1.5 times. */
    KEEPALIVE_LATE("MQTT-3.1.2-24"),
    /**
     * After the first malformed packet from any client (whose connection is closed as usual) no CONNECT is answered
     * again: new connections are accepted, their CONNECT is neither answered nor closed, and nothing they send is acted
     * upon. Connections made before keep working. Models a broker whose worker for new connections died; the suite
     * must report one cascade ("stopped answering after the test that sent the malformed packet"), not a failure of
     * every later test.
     */
    STOPS_ANSWERING_AFTER_MALFORMED("MQTT-3.1.4-4"),
    /**
     * Every MQTT 3.1 (MQIsdp) CONNECT is closed without CONNACK: a broker that does not support 3.1, as MQTT-3.1.2-1
     * allows for a protocol name the server does not accept. The suite must report 3.1 as not supported, not fail it.
     */
    REFUSES_MQTT_31("MQTT-3.1.2-1", true),
    /** A QoS 2 PUBLISH from a client is answered with PUBACK instead of PUBREC (also breaks MQTT-4.3.3-2). */
    PUBACK_FOR_QOS2("MQTT-3.3.4-1"),
    /**
     * Retained messages matching a new subscription are sent before the SUBACK, which section 3.8.4 permits: a
     * control the suite must pass.
     */
    RETAINED_BEFORE_SUBACK("MQTT-3.3.1-6", true),
    /**
     * Deliveries to subscribers happen 5 to 20 ms after the publication was handled (and acknowledged), on the
     * broker's timer, keeping every message's order. MQTT orders nothing across connections: a control the suite must
     * pass, e.g. it may not take a PINGRESP on one connection as proof that a message from another will not come.
     */
    DELAYED_FANOUT("MQTT-4.6.0-6", true),
    /**
     * A QoS 0 message for a client is sent at once, ahead of QoS 1 and 2 messages of other topics waiting in its queue
     * (e.g. for room in the in-flight window). Order is only required per topic and QoS: a control the suite must
     * pass.
     */
    QOS0_OVERTAKES("MQTT-4.6.0-6", true);

    private final String statement;
    private final boolean allowed;

    Fault(String statement) {
        this(statement, false);
    }

    Fault(String statement, boolean allowed) {
        this.statement = statement;
        this.allowed = allowed;
    }

    /**
     * The MQTT 3.1.1 normative statement the fault breaks, e.g. {@code MQTT-3.3.1-9}; for an {@link #allowed()} one,
     * the statement whose tests it exercises without breaking it.
     */
    public String statement() {
        return statement;
    }

    /**
     * Whether the behaviour is allowed by the specification: a control on which the suite must pass (and may say
     * what it saw), not a defect it must find.
     */
    public boolean allowed() {
        return allowed;
    }

    /**
     * The protocol engine's policy for {@code faults}: the conforming hooks, except where one of the faults deviates.
     * A new policy per call, since a policy may keep state for the broker it serves.
     */
    public static FaultPolicy policy(Set<Fault> faults) {
        return faults.isEmpty() ? FaultPolicy.CONFORMING : new FaultSet(faults);
    }
}
