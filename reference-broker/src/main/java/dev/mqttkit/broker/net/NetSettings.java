package dev.mqttkit.broker.net;

/**
 * The limits the network layer enforces for every connection.
 *
 * @param maxPacketSize        the largest packet accepted from a client, fixed header included
 * @param maxConnections       connections beyond this many are closed as soon as they are accepted; 0 for no limit
 * @param connectTimeoutMillis how long a new connection may take to send its CONNECT
 */
public record NetSettings(int maxPacketSize, int maxConnections, int connectTimeoutMillis) {
}
