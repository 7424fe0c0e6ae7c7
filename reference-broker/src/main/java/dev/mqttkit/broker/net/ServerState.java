package dev.mqttkit.broker.net;

/** What the connections of one broker share on its event loop: the limits, the flusher, the connection count. */
final class ServerState {
    private final NetSettings settings;
    private final Flusher flusher = new Flusher();
    private int open;

    ServerState(NetSettings settings) {
        this.settings = settings;
    }

    NetSettings settings() {
        return settings;
    }

    Flusher flusher() {
        return flusher;
    }

    /** Counts a new connection; false when {@code max_connections} would be exceeded. */
    boolean tryOpen() {
        if (settings.maxConnections() > 0 && open >= settings.maxConnections()) {
            return false;
        }
        open++;
        return true;
    }

    void closed() {
        open--;
    }
}
