package dev.mqttkit.conformance.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;

/**
 * Where the broker listens: a host and port, plain TCP or TLS.
 *
 * @param tls the socket factory for {@code ssl://} targets, or null for plain TCP
 */
public record Endpoint(String host, int port, SSLSocketFactory tls) {

    public static Endpoint tcp(String host, int port) {
        return new Endpoint(host, port, null);
    }

    /** Opens a connection with the given connect timeout; TLS handshakes complete before this returns. */
    public Socket open(Duration timeout) throws IOException {
        Socket plain = new Socket();
        plain.setTcpNoDelay(true);
        plain.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
        if (tls == null) {
            return plain;
        }
        javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) tls.createSocket(plain, host, port, true);
        s.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        s.startHandshake();
        s.setSoTimeout(0);
        return s;
    }

    /**
     * Why nothing can be reached here, or empty when a connection (and TLS handshake) succeeds: checked once per run
     * so that a wrong URL or a stopped broker is one clear finding instead of a failure in every test.
     */
    public Optional<String> unreachableBecause(Duration timeout) {
        try (Socket s = open(timeout)) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    : e.getMessage();
            return Optional.of("cannot connect to the broker at " + url() + ": " + why);
        }
    }

    public String url() {
        return (tls == null ? "tcp://" : "ssl://") + host + ":" + port;
    }
}
