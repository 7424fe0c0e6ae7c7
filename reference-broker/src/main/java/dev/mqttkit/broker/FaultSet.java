package dev.mqttkit.broker;

import dev.mqttkit.broker.protocol.FaultPolicy;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Subscription;
import java.util.EnumSet;
import java.util.Set;

/** The {@link FaultPolicy} of a set of {@link Fault}s: each hook deviates only for the faults that name it. */
final class FaultSet implements FaultPolicy {
    private final Set<Fault> on;

    FaultSet(Set<Fault> faults) {
        this.on = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
    }

    private boolean has(Fault fault) {
        return on.contains(fault);
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
        return has(Fault.KEEPALIVE_NOT_ENFORCED) ? 0 : FaultPolicy.super.keepAliveDeadlineMillis(keepAliveSeconds);
    }

    @Override
    public boolean answersSecondConnect() {
        return has(Fault.ACCEPT_SECOND_CONNECT);
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
        return FaultPolicy.super.overlapWinner(a, b);
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
