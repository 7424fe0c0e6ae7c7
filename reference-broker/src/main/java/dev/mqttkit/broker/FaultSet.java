package dev.mqttkit.broker;

import dev.mqttkit.broker.protocol.FaultPolicy;
import dev.mqttkit.broker.protocol.Scheduler;
import dev.mqttkit.broker.session.Session;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Subscription;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@link FaultPolicy} of a set of {@link Fault}s: each hook deviates only for the faults that name it. Holds the
 * state two faults need (whether a malformed packet was seen; the deliveries being delayed), for one broker.
 */
final class FaultSet implements FaultPolicy {
    private static final int FANOUT_DELAY_MIN_MILLIS = 5;
    private static final int FANOUT_DELAY_MAX_MILLIS = 20;

    private final Set<Fault> on;
    private boolean malformedSeen;
    private final ArrayDeque<Runnable> delayed = new ArrayDeque<>();
    private long lastReleaseMillis;

    FaultSet(Set<Fault> faults) {
        this.on = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
    }

    private boolean has(Fault fault) {
        return on.contains(fault);
    }

    @Override
    public boolean answersConnect() {
        return !(has(Fault.STOPS_ANSWERING_AFTER_MALFORMED) && malformedSeen);
    }

    @Override
    public void malformedPacketReceived() {
        malformedSeen = true;
    }

    @Override
    public boolean servesVersion(ProtocolVersion version) {
        return !(has(Fault.REFUSES_MQTT_31) && version == ProtocolVersion.MQTT_3_1);
    }

    @Override
    public boolean takesOverExistingConnection() {
        return !has(Fault.TAKEOVER_IGNORED);
    }

    @Override
    public boolean sessionPresent(boolean resumed) {
        return !has(Fault.SESSION_PRESENT_ALWAYS_0) && resumed;
    }

    @Override
    public long keepAliveDeadlineMillis(int keepAliveSeconds) {
        if (has(Fault.KEEPALIVE_NOT_ENFORCED)) {
            return 0;
        }
        return has(Fault.KEEPALIVE_LATE) ? keepAliveSeconds * 3000L
                : FaultPolicy.super.keepAliveDeadlineMillis(keepAliveSeconds);
    }

    @Override
    public boolean answersSecondConnect() {
        return has(Fault.ACCEPT_SECOND_CONNECT);
    }

    @Override
    public Packet qos2Receipt(int packetId) {
        return has(Fault.PUBACK_FOR_QOS2) ? new Puback(packetId) : FaultPolicy.super.qos2Receipt(packetId);
    }

    @Override
    public boolean deliversResentQos2() {
        return has(Fault.QOS2_DELIVERED_TWICE);
    }

    @Override
    public boolean answersPingreq() {
        return !has(Fault.NO_PINGRESP);
    }

    @Override
    public boolean answersUnsubscribe(boolean anyRemoved) {
        return anyRemoved || !has(Fault.NO_UNSUBACK_FOR_UNKNOWN);
    }

    @Override
    public boolean wildcardsMatchDollarTopics() {
        return has(Fault.HASH_MATCHES_DOLLAR);
    }

    @Override
    public boolean emptyRetainedClears() {
        return !has(Fault.EMPTY_RETAIN_NOT_CLEARING);
    }

    @Override
    public boolean retainFlagOnLiveForward(boolean published) {
        return has(Fault.RETAIN_ON_LIVE_FORWARD) && published;
    }

    @Override
    public boolean deliversToOwnSubscriptions() {
        return !has(Fault.NO_SELF_DELIVERY);
    }

    /**
     * With {@link Fault#DELAYED_FANOUT}: each message's deliveries wait 5 to 20 ms, released in arrival order (a
     * release time never earlier than the previous one, and whichever timer fires takes the oldest waiting).
     */
    @Override
    public void fanOut(Scheduler scheduler, Runnable deliveries) {
        if (!has(Fault.DELAYED_FANOUT)) {
            FaultPolicy.super.fanOut(scheduler, deliveries);
            return;
        }
        long now = System.nanoTime() / 1_000_000;
        long delay = ThreadLocalRandom.current().nextInt(FANOUT_DELAY_MIN_MILLIS, FANOUT_DELAY_MAX_MILLIS + 1);
        lastReleaseMillis = Math.max(now + delay, lastReleaseMillis);
        delayed.add(deliveries);
        scheduler.schedule(() -> delayed.poll().run(), lastReleaseMillis - now);
    }

    @Override
    public boolean overtakesQueue(Publish message, Session session) {
        return has(Fault.QOS0_OVERTAKES) && message.qos() == Qos.AT_MOST_ONCE && !session.queuesTopic(message.topic());
    }

    @Override
    public Qos deliveryQos(Qos published, Qos granted) {
        return has(Fault.NO_QOS_DOWNGRADE) ? published : FaultPolicy.super.deliveryQos(published, granted);
    }

    @Override
    public boolean copyPerMatchingSubscription() {
        return has(Fault.OVERLAP_DUPLICATES);
    }

    @Override
    public Subscription overlapWinner(Subscription a, Subscription b) {
        if (has(Fault.OVERLAP_LOWEST_QOS)) {
            return b.qos().value() < a.qos().value() ? b : a;
        }
        if (has(Fault.OVERLAP_MOST_SPECIFIC_QOS)) {
            return specificity(b.filter()) > specificity(a.filter()) ? b : a;
        }
        return FaultPolicy.super.overlapWinner(a, b);
    }

    /** Higher for a more specific filter: no wildcard, then more literal levels, then '+' before '#'. */
    private static int specificity(String filter) {
        boolean hash = filter.endsWith("#");
        boolean plus = false;
        int literal = 0;
        for (String level : filter.split("/", -1)) {
            if (level.equals("+")) {
                plus = true;
            } else if (!level.equals("#")) {
                literal++;
            }
        }
        int wildcardFree = hash || plus ? 0 : 1;
        return wildcardFree * 1_000_000 + literal * 10 + (hash ? 0 : 1);
    }

    @Override
    public boolean retainedBeforeSuback() {
        return has(Fault.RETAINED_BEFORE_SUBACK);
    }

    @Override
    public boolean sendsRetainedOnSubscribe() {
        return !has(Fault.NO_RETAINED_ON_SUBSCRIBE);
    }

    @Override
    public boolean retainFlagOnSubscribe() {
        return !has(Fault.RETAINED_WITHOUT_RETAIN_FLAG);
    }

    @Override
    public boolean redeliversOnReconnect() {
        return !has(Fault.NO_REDELIVERY_ON_RECONNECT);
    }

    @Override
    public boolean keepsWillAfterDisconnect() {
        return has(Fault.WILL_AFTER_DISCONNECT);
    }

    @Override
    public boolean publishesWillOnAbnormalClose() {
        return !has(Fault.NO_WILL_ON_ABNORMAL_CLOSE);
    }

    @Override
    public boolean willRetainFlag(boolean requested) {
        return !has(Fault.WILL_RETAIN_IGNORED) && requested;
    }
}
