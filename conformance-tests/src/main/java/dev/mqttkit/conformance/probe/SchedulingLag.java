package dev.mqttkit.conformance.probe;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How late this machine wakes a sleeping thread, measured while a timing test runs: a thread asks to sleep a few
 * milliseconds over and over and keeps the largest oversleep. When the suite's own clock is that far behind, a close
 * that looks late by less than that may be the suite's lateness in noticing it, and the test cannot tell.
 */
public final class SchedulingLag implements AutoCloseable {
    private static final long NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long worstNanos;

    private SchedulingLag() {
        sampler = new Thread(this::sample, "mqttkit-scheduling-lag");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts measuring; {@link #close()} stops. */
    public static SchedulingLag measure() {
        return new SchedulingLag();
    }

    /** The largest oversleep seen so far, in milliseconds. */
    public long worstMillis() {
        return TimeUnit.NANOSECONDS.toMillis(worstNanos);
    }

    private void sample() {
        while (running) {
            long before = System.nanoTime();
            LockSupport.parkNanos(NAP_NANOS);
            long over = System.nanoTime() - before - NAP_NANOS;
            if (over > worstNanos) {
                worstNanos = over;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(sampler);
    }
}
