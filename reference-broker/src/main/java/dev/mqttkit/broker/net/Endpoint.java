package dev.mqttkit.broker.net;

import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * One listening socket as the network layer opens it.
 *
 * @param bindAddress the local address
 * @param port        the local port; 0 picks a free one
 * @param tls         the server's TLS context, or empty for no TLS
 * @param webSocket   whether MQTT travels in WebSocket frames (MQTT 3.1.1 chapter 6) instead of straight over TCP
 */
public record Endpoint(String bindAddress, int port, Optional<SSLContext> tls, boolean webSocket) {
}
