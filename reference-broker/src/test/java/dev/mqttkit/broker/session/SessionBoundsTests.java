package dev.mqttkit.broker.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import org.junit.jupiter.api.Test;

/** A session keeps its own window and queue bounds, whatever its caller does. */
class SessionBoundsTests {
    private final Session session = new Session("c", true, new SessionLimits(2, 3));

    private static Publish message(Qos qos, String payload) {
        return Publish.of(qos, "t", 0, Payload.utf8(payload));
    }

    @Test
    void windowTakesNoMoreThanItsLimitOfQos1And2ButAnyQos0() {
        Publish first = session.startSending(message(Qos.AT_LEAST_ONCE, "1"));
        Publish second = session.startSending(message(Qos.EXACTLY_ONCE, "2"));
        assertThat(first.packetId()).isNotEqualTo(second.packetId()).isPositive();
        assertThat(session.windowHasRoomFor(message(Qos.AT_LEAST_ONCE, "3"))).isFalse();
        assertThat(session.windowHasRoomFor(message(Qos.AT_MOST_ONCE, "0"))).isTrue();
        assertThat(session.startSending(message(Qos.AT_MOST_ONCE, "0")).packetId()).isZero();
        assertThatThrownBy(() -> session.startSending(message(Qos.AT_LEAST_ONCE, "3")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void queueDropsTheNewestBeyondItsLimitAndCountsThem() {
        for (int i = 0; i < 3; i++) {
            assertThat(session.enqueue(message(Qos.AT_LEAST_ONCE, "q" + i))).isTrue();
        }
        assertThat(session.enqueue(message(Qos.AT_LEAST_ONCE, "late"))).isFalse();
        assertThat(session.enqueue(message(Qos.AT_MOST_ONCE, "later"))).isFalse();
        assertThat(session.dropped()).isEqualTo(2);
        assertThat(session.startSendingNextQueued()).hasValueSatisfying(p -> assertThat(p.payload().asUtf8())
                .isEqualTo("q0"));
    }

    @Test
    void queuedMessagesLeaveInOrderOnlyWhileTheWindowHasRoom() {
        session.enqueue(message(Qos.AT_LEAST_ONCE, "a"));
        session.enqueue(message(Qos.AT_LEAST_ONCE, "b"));
        session.enqueue(message(Qos.AT_LEAST_ONCE, "c"));
        Publish a = session.startSendingNextQueued().orElseThrow();
        session.startSendingNextQueued().orElseThrow();
        assertThat(session.startSendingNextQueued()).isEmpty();
        assertThat(session.acknowledge(a.packetId())).isTrue();
        assertThat(session.startSendingNextQueued()).hasValueSatisfying(p -> assertThat(p.payload().asUtf8())
                .isEqualTo("c"));
    }

    @Test
    void acknowledgementsCompleteOnlyTheMessagesTheyMatch() {
        Publish one = session.startSending(message(Qos.AT_LEAST_ONCE, "1"));
        Publish two = session.startSending(message(Qos.EXACTLY_ONCE, "2"));
        assertThat(session.acknowledge(two.packetId())).as("PUBACK for a QoS 2 message").isFalse();
        assertThat(session.received(one.packetId())).as("PUBREC for a QoS 1 message").isFalse();
        assertThat(session.complete(two.packetId())).as("PUBCOMP before PUBREC").isFalse();
        assertThat(session.received(two.packetId())).isTrue();
        assertThat(session.inflight()).extracting(Session.Outgoing::released).containsExactly(false, true);
        assertThat(session.complete(two.packetId())).isTrue();
        assertThat(session.acknowledge(one.packetId())).isTrue();
        assertThat(session.inflight()).isEmpty();
    }

    @Test
    void inflightIsASnapshotTheCallerCannotChange() {
        session.startSending(message(Qos.AT_LEAST_ONCE, "1"));
        assertThatThrownBy(() -> session.inflight().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> session.filters().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
