package dev.mqttkit.bench.load;

import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fan-in (many publishers, one subscriber) and fan-out (one publisher, many subscribers) through a broker.
 *
 * <p>The load is closed-loop: publishers may be at most {@code window} deliveries ahead of the subscribers, so the
 * broker is kept busy without queues growing until it drops or stalls, and the latency measured (publisher's
 * {@link System#nanoTime} in the first 8 payload bytes, read on delivery) is that of a loaded broker, not of an
 * ever-growing backlog. Every run is bounded: a fixed number of messages, and a deadline after which whatever was
 * delivered is reported as incomplete.
 */
final class Throughput {
    record Settings(String host, int port, Qos qos, int publishers, int subscribers, int messagesPerSubscriber,
                    int payloadBytes, int window, int timeoutSeconds) {
    }

    record Result(long expected, long delivered, double seconds, long[] latencies, String failure) {
        double perSecond() {
            return delivered / seconds;
        }

        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int at = (int) Math.min(latencies.length - 1, Math.ceil(p / 100 * latencies.length) - 1);
            return latencies[Math.max(0, at)] / 1e6;
        }
    }

    private Throughput() {
    }

    static Result run(Settings s) throws Exception {
        String root = "bench/" + Long.toHexString(System.nanoTime()) + "/";
        int timeoutMillis = s.timeoutSeconds() * 1000;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(s.timeoutSeconds());
        Semaphore credits = new Semaphore(s.window());
        AtomicReference<String> failure = new AtomicReference<>();
        List<BlockingClient> clients = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch subscribersDone = new CountDownLatch(s.subscribers());
        long[][] latencies = new long[s.subscribers()][s.messagesPerSubscriber()];
        int[] received = new int[s.subscribers()];
        long[] lastReceived = new long[s.subscribers()];
        try {
            for (int i = 0; i < s.subscribers(); i++) {
                BlockingClient sub = BlockingClient.connect(s.host(), s.port(), "bench-sub-" + i, timeoutMillis);
                clients.add(sub);
                sub.subscribe(root + "#", s.qos());
                int index = i;
                threads.add(new Thread(() -> {
                    try {
                        subscribe(sub, s, credits, latencies[index], received, lastReceived, index);
                    } catch (Exception e) {
                        failure.compareAndSet(null, "subscriber " + index + ": " + e);
                    } finally {
                        subscribersDone.countDown();
                    }
                }, "bench-sub-" + i));
            }
            int perPublisher = s.messagesPerSubscriber() / s.publishers();
            for (int j = 0; j < s.publishers(); j++) {
                BlockingClient pub = BlockingClient.connect(s.host(), s.port(), "bench-pub-" + j, timeoutMillis);
                clients.add(pub);
                int count = j == 0 ? s.messagesPerSubscriber() - perPublisher * (s.publishers() - 1) : perPublisher;
                String topic = root + "p" + j;
                threads.add(new Thread(() -> {
                    try {
                        start.await();
                        publish(pub, topic, count, s, credits, deadline);
                    } catch (Exception e) {
                        failure.compareAndSet(null, "publisher " + topic + ": " + e);
                    }
                }, "bench-pub-" + j));
                if (s.qos() != Qos.AT_MOST_ONCE) {
                    threads.add(new Thread(() -> drainAcks(pub, count, failure), "bench-acks-" + j));
                }
            }
            threads.forEach(Thread::start);
            long t0 = System.nanoTime();
            start.countDown();
            subscribersDone.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            long end = Arrays.stream(lastReceived).max().orElse(t0);
            long delivered = Arrays.stream(received).asLongStream().sum();
            long[] all = new long[(int) delivered];
            int at = 0;
            for (int i = 0; i < latencies.length; i++) {
                System.arraycopy(latencies[i], 0, all, at, received[i]);
                at += received[i];
            }
            Arrays.sort(all);
            long expected = (long) s.messagesPerSubscriber() * s.subscribers();
            String why = failure.get() != null ? failure.get()
                    : delivered < expected ? "timed out after " + s.timeoutSeconds() + " s" : null;
            return new Result(expected, delivered, Math.max(1, end - t0) / 1e9, all, why);
        } finally {
            clients.forEach(BlockingClient::close);
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(5));
            }
        }
    }

    private static void subscribe(BlockingClient sub, Settings s, Semaphore credits, long[] latencies, int[] received,
                                  long[] lastReceived, int index) throws Exception {
        int n = 0;
        while (n < latencies.length) {
            Packet p = sub.read(true);
            if (p instanceof Publish pub) {
                long now = System.nanoTime();
                latencies[n++] = now - pub.payload().asReadOnlyBuffer().getLong(0);
                received[index] = n;
                lastReceived[index] = now;
                if (pub.qos() != Qos.AT_MOST_ONCE) {
                    sub.send(new Puback(pub.packetId()));
                }
                credits.release();
            }
        }
        sub.flush();
    }

    /** Each message costs one credit per subscriber; when none is free the batch so far is sent, then we wait. */
    private static void publish(BlockingClient pub, String topic, int count, Settings s, Semaphore credits,
                                long deadline) throws Exception {
        byte[] body = new byte[Math.max(8, s.payloadBytes())];
        ByteBuffer stamp = ByteBuffer.wrap(body);
        int id = 0;
        for (int k = 0; k < count; k++) {
            if (!credits.tryAcquire(s.subscribers())) {
                pub.flush();
                if (!credits.tryAcquire(s.subscribers(), deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    return;
                }
            }
            id = id % 65_535 + 1;
            stamp.putLong(0, System.nanoTime());
            pub.send(Publish.of(s.qos(), topic, id, Payload.of(body)));
        }
        pub.flush();
    }

    private static void drainAcks(BlockingClient pub, int count, AtomicReference<String> failure) {
        try {
            for (int acks = 0; acks < count; ) {
                if (pub.read() instanceof Puback) {
                    acks++;
                }
            }
        } catch (Exception e) {
            // the run's end closes the socket under us; a real failure shows as missing deliveries
        }
    }
}
