package dev.mqttkit.broker.protocol;

import dev.mqttkit.codec.packet.Packet;

/**
 * What the protocol logic may ask of one network connection. The networking layer implements it over a socket; unit
 * tests implement it with a recording fake. All calls come from the protocol thread.
 */
public interface Link {
    /** Queues a packet for sending, encoded in the version the connection's CONNECT chose. */
    void send(Packet packet);

    /** Whether the connection can take more outgoing bytes now; when false, messages wait in the session queue. */
    boolean writable();

    /** Closes the connection. The protocol logic has already done its bookkeeping; no callback is needed. */
    void close();

    /**
     * Closes the connection if nothing arrives within {@code millis}, reporting it as
     * {@link ProtocolEngine#keepAliveExpired}; 0 disarms the timer.
     */
    void expectTrafficWithin(long millis);

    /** The peer's address, for log lines. */
    String remoteHost();
}
