package dev.mqttkit.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Pingresp;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Back-pressure never becomes a keep-alive verdict: a subscriber that does not read but keeps pinging stays connected
 * (and loses messages only by the drop policy), while one that falls silent is still closed. Keep-alive 1 s, so the
 * deadline is 1.5 s; the broker stops reading the subscriber once its output is backed up.
 */
class BackPressureIT {
    private static final String DROPPING = "Outgoing messages are being dropped for client slow";
    private final LogLines log = new LogLines();
    private ReferenceBroker broker;
    private TestClient watcher;
    private TestClient publisher;

    @BeforeEach
    void start() throws Exception {
        broker = ReferenceBroker.start(BrokerConfig.defaults().withMaxQueuedMessages(100).withLog(log));
        watcher = TestClient.connected(broker.port(), "watcher").subscribe("gone/#", Qos.AT_MOST_ONCE);
        publisher = TestClient.connected(broker.port(), "pub");
    }

    @AfterEach
    void stop() throws Exception {
        watcher.close();
        publisher.close();
        broker.close();
    }

    @Test
    void keepsASubscriberThatPingsWithoutReadingWhileItsOutputIsBackedUp() throws Exception {
        int sent;
        int publishes = 0;
        try (StalledSubscriber slow = StalledSubscriber.connect(broker.port(), "slow", 1, "gone/slow", "flood")) {
            slow.startPinging(Duration.ofMillis(100));
            sent = StalledSubscriber.floodUntilLogged(publisher, "flood", log, DROPPING);
            int mark = log.mark();

            // Not reading "slow" any more, the broker looks when the 1.5 s deadline passes, and finds the pings.
            log.awaitAfter(mark, "Received PINGREQ from slow", Duration.ofSeconds(5));
            assertThat(watcher.poll(Duration.ofMillis(4 * 1500))).as("the will of slow (closed as silent)").isEmpty();
            assertThat(log.countAfter(mark, "Client slow has exceeded timeout")).isZero();

            // Reading again, still pinging (the keep-alive still holds), until no message came for a second.
            try (TestClient reader = slow.resumeReading()) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                long lastMessage = System.nanoTime();
                while (System.nanoTime() - lastMessage < Duration.ofSeconds(1).toNanos()) {
                    assertThat(System.nanoTime()).as("still receiving after 30 s").isLessThan(deadline);
                    Optional<Packet> p = reader.poll(Duration.ofMillis(200));
                    if (p.isPresent() && p.get() instanceof Publish) {
                        publishes++;
                        lastMessage = System.nanoTime();
                    } else if (p.isPresent()) {
                        assertThat(p.get()).isEqualTo(Pingresp.INSTANCE);
                    } else {
                        assertThat(reader.isClosed()).as("slow closed while reading what was held").isFalse();
                    }
                }
                slow.stopPinging();
                reader.fence();
            }
        }
        assertThat(publishes).as("messages delivered to slow of " + sent + " published").isPositive()
                .isLessThan(sent);
        assertThat(log.any(l -> l.contains(DROPPING))).as("drops logged by the drop policy").isTrue();
    }

    @Test
    void closesASubscriberThatFallsSilentWhileItsOutputIsBackedUp() throws Exception {
        try (StalledSubscriber slow = StalledSubscriber.connect(broker.port(), "slow", 1, "gone/slow", "flood")) {
            slow.startPinging(Duration.ofMillis(100));
            StalledSubscriber.floodUntilLogged(publisher, "flood", log, DROPPING);
            slow.stopPinging();

            // Two deadlines at most (the first look still finds the last pings) plus the look's grace.
            Optional<Packet> will = watcher.poll(Duration.ofSeconds(10));
            assertThat(will).as("the will of slow").hasValueSatisfying(p ->
                    assertThat(((Publish) p).payload().asUtf8()).isEqualTo("slow gone"));
        }
        assertThat(log.any(l -> l.contains("Client slow has exceeded timeout"))).isTrue();
    }
}
