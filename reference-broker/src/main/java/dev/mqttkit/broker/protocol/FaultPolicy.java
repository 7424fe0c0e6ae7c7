package dev.mqttkit.broker.protocol;

import dev.mqttkit.broker.session.Session;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Subscription;

/**
 * Every point where the broker can be made to deviate from MQTT 3.1.1 on purpose, to calibrate the conformance
 * suite. Each hook's default is the conforming behaviour, with the statement it follows; {@link #CONFORMING} is the
 * policy of a broker without faults. The root package's {@code Fault} set overrides hooks, so the protocol logic asks
 * the policy instead of testing fault names, and reads the same with or without faults. A policy serves one broker
 * and may keep state for it; like the engine, it is called on the protocol thread only.
 */
public interface FaultPolicy {
    /** The policy of a broker without deliberate faults. */
    FaultPolicy CONFORMING = new FaultPolicy() {
    };

    /** Whether a CONNECT is answered at all (acted upon, with CONNACK) [MQTT-3.1.4-4]. */
    default boolean answersConnect() {
        return true;
    }

    /** Told of every malformed packet received, before the connection is closed. */
    default void malformedPacketReceived() {
    }

    /**
     * Whether the broker serves clients of {@code version}; a CONNECT of a version it does not serve is closed
     * without CONNACK, which MQTT-3.1.2-1 allows for a protocol name the server does not accept.
     */
    default boolean servesVersion(ProtocolVersion version) {
        return true;
    }

    /** Whether a new connection with a client id in use closes the older connection [MQTT-3.1.4-2]. */
    default boolean takesOverExistingConnection() {
        return true;
    }

    /** CONNACK's session-present flag for a 3.1.1 client whose stored session was {@code resumed} [MQTT-3.2.2-2]. */
    default boolean sessionPresent(boolean resumed) {
        return resumed;
    }

    /** How long a client with this keep-alive may stay silent before it is closed; 0: never [MQTT-3.1.2-24]. */
    default long keepAliveDeadlineMillis(int keepAliveSeconds) {
        return keepAliveSeconds * 1500L;
    }

    /** Whether a second CONNECT on a connection is answered instead of closing the connection [MQTT-3.1.0-2]. */
    default boolean answersSecondConnect() {
        return false;
    }

    /** The answer to a QoS 2 PUBLISH with {@code packetId} from a client [MQTT-3.3.4-1, MQTT-4.3.3-2]. */
    default Packet qos2Receipt(int packetId) {
        return new Pubrec(packetId);
    }

    /** Whether a re-sent QoS 2 PUBLISH, before PUBREL, is delivered to subscribers again [MQTT-4.3.3-2]. */
    default boolean deliversResentQos2() {
        return false;
    }

    /** Whether PINGREQ is answered with PINGRESP [MQTT-3.12.4-1]. */
    default boolean answersPingreq() {
        return true;
    }

    /** Whether an UNSUBSCRIBE is answered; {@code anyRemoved}: whether it removed a subscription [MQTT-3.10.4-5]. */
    default boolean answersUnsubscribe(boolean anyRemoved) {
        return true;
    }

    /** Whether a filter whose first level is a wildcard matches topics starting with '$' [MQTT-4.7.2-1]. */
    default boolean wildcardsMatchDollarTopics() {
        return false;
    }

    /** Whether a retained PUBLISH with an empty payload clears the topic's retained message [MQTT-3.3.1-10]. */
    default boolean emptyRetainedClears() {
        return true;
    }

    /** The RETAIN flag of a live forward of a message published with {@code published} [MQTT-3.3.1-9]. */
    default boolean retainFlagOnLiveForward(boolean published) {
        return false;
    }

    /** Whether a client's own publications reach its own matching subscriptions [MQTT-4.5.0-1]. */
    default boolean deliversToOwnSubscriptions() {
        return true;
    }

    /**
     * Runs {@code deliveries}, the forwarding of one message to the subscriptions it matched. The conforming broker
     * runs them at once; MQTT orders nothing across connections, so later is allowed too, as long as messages keep
     * their order (MQTT-4.6.0-6).
     */
    default void fanOut(Scheduler scheduler, Runnable deliveries) {
        deliveries.run();
    }

    /**
     * Whether {@code message} may be sent before the messages already waiting in {@code session}'s queue. The
     * conforming broker keeps one order per session; MQTT-4.6.0-6 requires it only per topic and QoS.
     */
    default boolean overtakesQueue(Publish message, Session session) {
        return false;
    }

    /** The QoS a message published at {@code published} is delivered at to a subscription granted {@code granted}. */
    default Qos deliveryQos(Qos published, Qos granted) {
        return Qos.min(published, granted); // MQTT-3.8.4-6
    }

    /**
     * Whether a client with overlapping matching subscriptions gets one copy per subscription (each at its own QoS)
     * instead of one copy chosen by {@link #overlapWinner} [MQTT-3.3.5-1].
     */
    default boolean copyPerMatchingSubscription() {
        return false;
    }

    /** Of two subscriptions of one client matching a message, the one whose QoS its single copy gets [MQTT-3.3.5-1]. */
    default Subscription overlapWinner(Subscription a, Subscription b) {
        return b.qos().value() > a.qos().value() ? b : a;
    }

    /** Whether a new subscription gets the matching retained messages [MQTT-3.3.1-6]. */
    default boolean sendsRetainedOnSubscribe() {
        return true;
    }

    /**
     * Whether the retained messages matching a new subscription are sent before its SUBACK; section 3.8.4 permits
     * either order, and the conforming broker sends the SUBACK first.
     */
    default boolean retainedBeforeSuback() {
        return false;
    }

    /** The RETAIN flag of a retained message sent because of a new subscription [MQTT-3.3.1-8]. */
    default boolean retainFlagOnSubscribe() {
        return true;
    }

    /** Whether unacknowledged messages are re-sent when a persistent session reconnects [MQTT-4.4.0-1]. */
    default boolean redeliversOnReconnect() {
        return true;
    }

    /** Whether the will is kept after DISCONNECT (and published when the connection closes) [MQTT-3.1.2-10]. */
    default boolean keepsWillAfterDisconnect() {
        return false;
    }

    /** Whether the will is published when a connection ends without DISCONNECT [MQTT-3.1.2-8]. */
    default boolean publishesWillOnAbnormalClose() {
        return true;
    }

    /** The RETAIN flag a will is published with, when its Will Retain flag was {@code requested} [MQTT-3.1.2-17]. */
    default boolean willRetainFlag(boolean requested) {
        return requested;
    }
}
