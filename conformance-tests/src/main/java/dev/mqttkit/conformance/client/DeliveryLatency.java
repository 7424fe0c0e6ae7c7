package dev.mqttkit.conformance.client;

import java.time.Duration;

/**
 * How long the broker under test takes, in this run, to deliver a message from one connection to another. MQTT
 * orders nothing across connections, so a PINGREQ fence on the subscriber proves nothing about a message another
 * connection published; after the fence the suite waits a quiet period derived from this measure instead: four
 * times the slowest delivery seen so far, never less than a floor and never more than the expect timeout. On a busy
 * machine deliveries get slower and the quiet period grows with them, so the verdict does not depend on the load.
 */
public final class DeliveryLatency {
    static final int FACTOR = 4;
    private final Duration floor;
    private final Duration cap;
    private long slowestNanos;
    private int samples;

    public DeliveryLatency(Timeouts timeouts) {
        this.floor = timeouts.scaled(Duration.ofMillis(50));
        this.cap = timeouts.expect();
    }

    /** A delivery that took {@code nanos} from the publisher's write to the subscriber's read. */
    public synchronized void record(long nanos) {
        samples++;
        slowestNanos = Math.max(slowestNanos, nanos);
    }

    public synchronized int samples() {
        return samples;
    }

    /** How long to watch for a delivery that must not come, after a fence on the subscriber's connection. */
    public synchronized Duration quietPeriod() {
        long nanos = Math.max(floor.toNanos(), Math.min(cap.toNanos(), FACTOR * slowestNanos));
        return Duration.ofNanos(nanos);
    }

    /** One line for transcripts: the quiet period and where it comes from. */
    public synchronized String describe() {
        return quietPeriod().toMillis() + " ms (" + FACTOR + " x the slowest of " + samples
                + " deliveries in this run, " + slowestNanos / 1_000_000 + " ms; at least " + floor.toMillis()
                + " ms)";
    }
}
