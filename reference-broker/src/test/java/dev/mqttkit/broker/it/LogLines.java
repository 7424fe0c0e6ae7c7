package dev.mqttkit.broker.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Collects a broker's log lines and lets a test wait, bounded, for one to appear. */
final class LogLines implements Consumer<String> {
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void accept(String line) {
        lines.add(line);
        notifyAll();
    }

    synchronized List<String> snapshot() {
        return List.copyOf(lines);
    }

    synchronized boolean any(Predicate<String> p) {
        return lines.stream().anyMatch(p);
    }

    /** The number of lines logged so far: a mark for {@link #awaitAfter}. */
    synchronized int mark() {
        return lines.size();
    }

    /** The number of lines after {@code mark} containing {@code text}. */
    synchronized long countAfter(int mark, String text) {
        return lines.subList(mark, lines.size()).stream().filter(l -> l.contains(text)).count();
    }

    /** Waits until a line containing {@code text} has been logged; fails after {@code timeout}. */
    void await(String text, Duration timeout) throws InterruptedException {
        awaitAfter(0, text, timeout);
    }

    /** Waits until a line containing {@code text} has been logged after {@code mark}; fails after {@code timeout}. */
    synchronized void awaitAfter(int mark, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (countAfter(mark, text) == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no log line containing '" + text + "' within " + timeout);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
