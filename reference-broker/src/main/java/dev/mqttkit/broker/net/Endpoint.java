package dev.mqttkit.broker.net;

import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * One listening socket as the network layer opens it.
 *
 * @param bindAddress the local address
 * @param port        the local port; 0 picks a free one
 * @param tls         the server's TLS context, or empty for plain TCP
 */
public record Endpoint(String bindAddress, int port, Optional<SSLContext> tls) {
}
