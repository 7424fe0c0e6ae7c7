package dev.mqttkit.bench.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained traffic for a fixed time, to see what it does to a broker's resident memory: {@link Throughput} runs of
 * {@code chunk} messages per subscriber back to back (each with fresh connections, so the broker also sees connection
 * churn) until {@code seconds} have passed, while a sampler reads the broker's VmRSS every 250 ms.
 */
final class Flood {
    private static final long SAMPLE_MILLIS = 250;

    record Result(long delivered, double seconds, long rssBeforeKiB, long rssPeakKiB, long rssEndKiB, String failure) {
        double perSecond() {
            return delivered / seconds;
        }
    }

    private Flood() {
    }

    /** Floods with {@code shape} (its message count is the chunk) for {@code seconds}; {@code pid} is the broker's. */
    static Result run(Throughput.Settings shape, int seconds, long pid) throws Exception {
        long before = IdleConnections.rssKiB(pid);
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(IdleConnections.rssKiB(pid), Math::max);
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "flood-rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
        long delivered = 0;
        String failure = null;
        try {
            while (System.nanoTime() < end && failure == null) {
                Throughput.Result r = Throughput.run(shape);
                delivered += r.delivered();
                failure = r.failure();
            }
        } finally {
            sampler.interrupt();
            sampler.join(TimeUnit.SECONDS.toMillis(5));
        }
        long after = IdleConnections.rssKiB(pid);
        return new Result(delivered, (System.nanoTime() - t0) / 1e9, before, Math.max(peak.get(), after), after,
                failure);
    }
}
