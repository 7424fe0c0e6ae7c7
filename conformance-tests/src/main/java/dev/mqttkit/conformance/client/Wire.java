package dev.mqttkit.conformance.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * One open connection to the broker as a byte stream each way, whatever carries it: TCP, TLS or WebSocket frames.
 * {@link Endpoint#open} is the one place that picks the carrier; everything above it reads and writes bytes.
 */
interface Wire extends AutoCloseable {

    /** What the broker sends; -1 once it closed the connection. */
    InputStream in() throws IOException;

    /** What goes to the broker; each {@code write} call leaves as it is given, in one piece where framing exists. */
    OutputStream out() throws IOException;

    /** How the broker ended the connection, when the carrier says more than "closed", e.g. a WebSocket close code. */
    default String endDetail() {
        return "";
    }

    /** Frame-level access when the carrier is WebSocket; empty for TCP and TLS. */
    default Optional<WebSocketWire> webSocket() {
        return Optional.empty();
    }

    boolean isClosed();

    /** Closes the connection; never throws: closing is best effort, and the reader records what happened. */
    @Override
    void close();

    /**
     * The broker broke a rule of the carrier itself, e.g. it sent MQTT in a WebSocket text frame [MQTT-6.0.0-1]. The
     * stream ends with it, as it ends with a malformed packet: the message begins with the rule.
     */
    final class Violation extends IOException {
        private static final long serialVersionUID = 1L;

        Violation(String message) {
            super(message);
        }
    }
}
