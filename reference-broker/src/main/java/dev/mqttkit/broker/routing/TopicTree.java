package dev.mqttkit.broker.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Subscriptions indexed by filter level, so that matching a topic name visits only the branches its levels (and the
 * wildcards beside them) lead to: the cost of a publish grows with the topic's depth and the number of matching
 * subscriptions, not with the number of subscriptions held (MQTT 3.1.1 section 4.7).
 *
 * <p>Filters whose first level is a wildcard do not match topic names starting with '$' [MQTT-4.7.2-1], unless the
 * tree was built with {@code hashMatchesDollar} (a deliberate fault). Not thread-safe.
 *
 * @param <S> the subscriber (one entry per subscriber and filter)
 * @param <V> what the subscription carries, e.g. its granted QoS
 */
public final class TopicTree<S, V> {
    private final Node<S, V> root = new Node<>(null, null);
    private final boolean hashMatchesDollar;
    private int size;

    public TopicTree(boolean hashMatchesDollar) {
        this.hashMatchesDollar = hashMatchesDollar;
    }

    private static final class Node<S, V> {
        final Node<S, V> parent;
        final String level;
        Map<String, Node<S, V>> children;
        Map<S, V> subscribers;

        Node(Node<S, V> parent, String level) {
            this.parent = parent;
            this.level = level;
        }

        boolean isEmpty() {
            return (children == null || children.isEmpty()) && (subscribers == null || subscribers.isEmpty());
        }
    }

    /** Adds or replaces {@code subscriber}'s subscription to {@code filter}; returns the value it replaced. */
    public V put(String filter, S subscriber, V value) {
        Node<S, V> node = root;
        for (String level : Levels.of(filter)) {
            if (node.children == null) {
                node.children = new HashMap<>(4);
            }
            Node<S, V> parent = node;
            node = node.children.computeIfAbsent(level, l -> new Node<>(parent, l));
        }
        if (node.subscribers == null) {
            node.subscribers = new HashMap<>(4);
        }
        V old = node.subscribers.put(subscriber, value);
        if (old == null) {
            size++;
        }
        return old;
    }

    /** Removes {@code subscriber}'s subscription to {@code filter}; returns whether there was one. */
    public boolean remove(String filter, S subscriber) {
        Node<S, V> node = root;
        for (String level : Levels.of(filter)) {
            node = node.children == null ? null : node.children.get(level);
            if (node == null) {
                return false;
            }
        }
        if (node.subscribers == null || node.subscribers.remove(subscriber) == null) {
            return false;
        }
        size--;
        while (node.parent != null && node.isEmpty()) {
            node.parent.children.remove(node.level);
            node = node.parent;
        }
        return true;
    }

    /** The number of (subscriber, filter) pairs held. */
    public int size() {
        return size;
    }

    /** Calls {@code sink} once per subscription whose filter matches {@code topic}. */
    public void match(String topic, BiConsumer<S, V> sink) {
        List<String> levels = Levels.of(topic);
        match(root, levels, 0, Levels.isSystem(levels.get(0)), sink);
    }

    private void match(Node<S, V> node, List<String> levels, int depth, boolean system, BiConsumer<S, V> sink) {
        if (node.children == null) {
            if (depth == levels.size()) {
                emit(node, sink);
            }
            return;
        }
        boolean wildcardsAllowed = depth > 0 || !system;
        Node<S, V> hash = node.children.get("#");
        if (hash != null && (wildcardsAllowed || hashMatchesDollar)) {
            emit(hash, sink); // '#' also matches the parent level: "a/#" matches "a"
        }
        if (depth == levels.size()) {
            emit(node, sink);
            return;
        }
        Node<S, V> exact = node.children.get(levels.get(depth));
        if (exact != null) {
            match(exact, levels, depth + 1, system, sink);
        }
        Node<S, V> plus = node.children.get("+");
        if (plus != null && wildcardsAllowed) {
            match(plus, levels, depth + 1, system, sink);
        }
    }

    private static <S, V> void emit(Node<S, V> node, BiConsumer<S, V> sink) {
        if (node.subscribers != null) {
            node.subscribers.forEach(sink);
        }
    }
}
