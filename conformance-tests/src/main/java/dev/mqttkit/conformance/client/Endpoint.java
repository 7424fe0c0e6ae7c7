package dev.mqttkit.conformance.client;

import dev.mqttkit.codec.packet.ProtocolVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Where the broker listens and what carries MQTT there: TCP (MQTT 3.1.1 section 4.2) or WebSocket binary frames
 * (chapter 6), either with or without TLS. This is the one place that picks the carrier: a connection opened here is
 * a byte stream to everything above it, so no test or probe knows how its bytes travel unless it asks
 * ({@link #webSocket()}).
 */
public final class Endpoint {
    /** The path of a {@code ws://} or {@code wss://} URL that names none: the one most brokers serve MQTT on. */
    public static final String DEFAULT_WEBSOCKET_PATH = "/mqtt";

    private final String host;
    private final int port;
    private final SSLContext tls;
    private final String webSocketPath;
    /** Shared by every WebSocket connection to this endpoint: a client has its own selector thread and pool. */
    private HttpClient webSockets;

    private Endpoint(String host, int port, SSLContext tls, String webSocketPath) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535 but was " + port);
        }
        if (webSocketPath != null && !webSocketPath.startsWith("/")) {
            throw new IllegalArgumentException("a WebSocket path starts with / but was " + webSocketPath);
        }
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.webSocketPath = webSocketPath;
    }

    /** MQTT straight over TCP: {@code tcp://host:port}. */
    public static Endpoint tcp(String host, int port) {
        return new Endpoint(host, port, null, null);
    }

    /** MQTT over WebSocket: {@code ws://host:port/path}; {@code path} may carry a query. */
    public static Endpoint webSocket(String host, int port, String path) {
        return new Endpoint(host, port, null, path);
    }

    /** This endpoint over TLS ({@code ssl://}, {@code wss://}), trusting what {@code context} trusts. */
    public Endpoint withTls(SSLContext context) {
        return new Endpoint(host, port, context, webSocketPath);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public boolean tls() {
        return tls != null;
    }

    /** Whether MQTT travels in WebSocket frames here, so the rules of MQTT 3.1.1 chapter 6 apply. */
    public boolean webSocket() {
        return webSocketPath != null;
    }

    /**
     * The WebSocket subprotocol a connection of {@code version} offers: {@code mqtt} for 3.1.1 [MQTT-6.0.0-3];
     * {@code mqttv3.1}, the name 3.1 implementations use, for 3.1, whose specification predates MQTT over WebSocket.
     */
    public static String subprotocol(ProtocolVersion version) {
        return version == ProtocolVersion.MQTT_3_1 ? "mqttv3.1" : "mqtt";
    }

    /**
     * Opens a connection for a client of {@code version} within {@code timeout}: TCP connect, then the TLS handshake
     * and the WebSocket opening handshake where they apply, all complete before this returns.
     */
    Wire open(Duration timeout, ProtocolVersion version) throws IOException {
        if (!webSocket()) {
            return SocketWire.open(host, port, tls, timeout);
        }
        return WebSocketWire.open(webSocketClient(), URI.create(url()), subprotocol(version), timeout);
    }

    private synchronized HttpClient webSocketClient() {
        if (webSockets == null) {
            HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
            webSockets = (tls == null ? b : b.sslContext(tls)).build();
        }
        return webSockets;
    }

    /**
     * Why nothing can be reached here, or empty when a connection (and TLS and WebSocket handshake) succeeds: checked
     * once per run so that a wrong URL or a stopped broker is one clear finding instead of a failure in every test.
     */
    public Optional<String> unreachableBecause(Duration timeout) {
        try {
            open(timeout, ProtocolVersion.MQTT_3_1_1).close();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    : e.getMessage();
            return Optional.of("cannot connect to the broker at " + url() + ": " + why);
        }
    }

    /** {@code tcp://}, {@code ssl://}, {@code ws://} or {@code wss://} URL of this endpoint. */
    public String url() {
        String scheme = webSocket() ? (tls == null ? "ws" : "wss") : (tls == null ? "tcp" : "ssl");
        return scheme + "://" + host + ":" + port + (webSocket() ? webSocketPath : "");
    }

    @Override
    public String toString() {
        return url();
    }
}
