package dev.mqttkit.broker.net;

import dev.mqttkit.broker.BrokerConfig;

/** What the connections of one broker share on its event loop: the config, the flusher, the connection count. */
final class ServerState {
    private final BrokerConfig config;
    private final Flusher flusher = new Flusher();
    private int open;

    ServerState(BrokerConfig config) {
        this.config = config;
    }

    BrokerConfig config() {
        return config;
    }

    Flusher flusher() {
        return flusher;
    }

    /** Counts a new connection; false when {@code max_connections} would be exceeded. */
    boolean tryOpen() {
        if (config.maxConnections() > 0 && open >= config.maxConnections()) {
            return false;
        }
        open++;
        return true;
    }

    void closed() {
        open--;
    }
}
