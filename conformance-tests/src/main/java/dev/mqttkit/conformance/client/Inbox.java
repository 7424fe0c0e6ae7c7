package dev.mqttkit.conformance.client;

import dev.mqttkit.codec.packet.Publish;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What a client has received and not yet taken, on its current connection: packets set aside while the test waited
 * for something the specification lets arrive later (a SUBACK after retained messages), then the connection's own
 * queue. Traffic on topics outside the test's own is skipped: a subscription to {@code #} sees other users' messages.
 */
final class Inbox {
    private final Deque<Inbound> setAside = new ArrayDeque<>();
    private Connection connection;
    private List<String> ownTopicPrefixes;

    /** A new connection: whatever was set aside belonged to the old one. */
    void switchTo(Connection next) {
        connection = next;
        setAside.clear();
    }

    Connection connection() {
        if (connection == null) {
            throw new IllegalStateException("open() or connect() first");
        }
        return connection;
    }

    boolean isOpen() {
        return connection != null && !connection.isClosed();
    }

    void ownTopics(List<String> prefixes) {
        this.ownTopicPrefixes = List.copyOf(prefixes);
    }

    boolean foreign(Inbound i) {
        return ownTopicPrefixes != null && i instanceof Inbound.Received r && r.packet() instanceof Publish p
                && ownTopicPrefixes.stream().noneMatch(p.topic()::startsWith);
    }

    /** Returns packets taken while waiting for something else, so the next {@link #poll}s see them first. */
    void putBack(List<Inbound.Received> early) {
        for (int i = early.size() - 1; i >= 0; i--) {
            setAside.addFirst(early.get(i));
        }
    }

    /** The next event that is not foreign traffic, or null on timeout. */
    Inbound poll(Duration timeout) {
        if (!setAside.isEmpty()) {
            return setAside.pollFirst();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Inbound i = connection().poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (!foreign(i)) {
                return i;
            }
        }
    }

    /** Packets received and never taken: those set aside, then those still queued on the connection. */
    List<Inbound.Received> untaken(Connection c) {
        List<Inbound.Received> left = new java.util.ArrayList<>();
        if (c == connection) {
            setAside.forEach(i -> left.add((Inbound.Received) i));
        }
        c.unconsumed().stream().filter(r -> !foreign(r)).forEach(left::add);
        return left;
    }
}
