package dev.mqttkit.broker.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The last retained message of each topic (MQTT 3.1.1 section 3.3.1.3), held in a tree of topic levels so that a new
 * subscription finds its retained messages by walking the branches its filter names rather than by scanning every
 * topic. Topics starting with '$' are not matched by a filter whose first level is a wildcard [MQTT-4.7.2-1], unless
 * built with {@code hashMatchesDollar} (a deliberate fault). Not thread-safe.
 *
 * @param <M> the stored message
 */
public final class RetainedStore<M> {
    private final Node<M> root = new Node<>(null, null);
    private final boolean hashMatchesDollar;
    private int size;

    public RetainedStore(boolean hashMatchesDollar) {
        this.hashMatchesDollar = hashMatchesDollar;
    }

    private static final class Node<M> {
        final Node<M> parent;
        final String level;
        final Map<String, Node<M>> children = new HashMap<>(2);
        M message;

        Node(Node<M> parent, String level) {
            this.parent = parent;
            this.level = level;
        }
    }

    /** Stores {@code message} as the retained message of {@code topic}, replacing any earlier one. */
    public void put(String topic, M message) {
        Node<M> node = root;
        for (String level : Levels.of(topic)) {
            Node<M> parent = node;
            node = node.children.computeIfAbsent(level, l -> new Node<>(parent, l));
        }
        if (node.message == null) {
            size++;
        }
        node.message = message;
    }

    /** Clears the retained message of {@code topic}, if any. */
    public void remove(String topic) {
        Node<M> node = root;
        for (String level : Levels.of(topic)) {
            node = node.children.get(level);
            if (node == null) {
                return;
            }
        }
        if (node.message != null) {
            node.message = null;
            size--;
        }
        while (node.parent != null && node.message == null && node.children.isEmpty()) {
            node.parent.children.remove(node.level);
            node = node.parent;
        }
    }

    public M get(String topic) {
        Node<M> node = root;
        for (String level : Levels.of(topic)) {
            node = node.children.get(level);
            if (node == null) {
                return null;
            }
        }
        return node.message;
    }

    public int size() {
        return size;
    }

    /** Calls {@code sink} with every retained message whose topic {@code filter} matches. */
    public void match(String filter, Consumer<M> sink) {
        match(root, Levels.of(filter), 0, sink);
    }

    private void match(Node<M> node, List<String> filter, int depth, Consumer<M> sink) {
        if (depth == filter.size()) {
            if (node.message != null) {
                sink.accept(node.message);
            }
            return;
        }
        String level = filter.get(depth);
        if (level.equals("#")) {
            if (node.message != null && depth > 0) {
                sink.accept(node.message); // "a/#" matches "a"
            }
            for (Node<M> child : node.children.values()) {
                if (depth > 0 || hashMatchesDollar || !Levels.isSystem(child.level)) {
                    all(child, sink);
                }
            }
        } else if (level.equals("+")) {
            for (Node<M> child : node.children.values()) {
                if (depth > 0 || !Levels.isSystem(child.level)) {
                    match(child, filter, depth + 1, sink);
                }
            }
        } else {
            Node<M> child = node.children.get(level);
            if (child != null) {
                match(child, filter, depth + 1, sink);
            }
        }
    }

    private static <M> void all(Node<M> node, Consumer<M> sink) {
        if (node.message != null) {
            sink.accept(node.message);
        }
        for (Node<M> child : node.children.values()) {
            all(child, sink);
        }
    }
}
