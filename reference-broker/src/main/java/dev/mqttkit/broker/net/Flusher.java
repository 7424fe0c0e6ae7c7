package dev.mqttkit.broker.net;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the connections written to while handling one event and flushes each once at the end, so that a publish
 * fanned out to many subscribers costs one system call per subscriber, not one per packet. Event-loop confined.
 */
final class Flusher {
    private final List<ConnectionHandler> dirty = new ArrayList<>();

    void written(ConnectionHandler handler) {
        if (!handler.dirty) {
            handler.dirty = true;
            dirty.add(handler);
        }
    }

    void flushAll() {
        for (int i = 0; i < dirty.size(); i++) {
            ConnectionHandler h = dirty.get(i);
            h.dirty = false;
            h.flush();
        }
        dirty.clear();
    }
}
