package dev.mqttkit.conformance.target;

import dev.mqttkit.conformance.client.Endpoint;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * A broker's address as a user writes it ({@code mqtt.broker}, {@code --broker}): the one place that knows which
 * schemes the suite accepts and what they mean.
 *
 * <table>
 *   <caption>Schemes</caption>
 *   <tr><th>scheme</th><th>carrier</th><th>default port</th></tr>
 *   <tr><td>{@code tcp://}, {@code mqtt://}</td><td>TCP</td><td>1883</td></tr>
 *   <tr><td>{@code ssl://}, {@code tls://}, {@code mqtts://}</td><td>TLS</td><td>8883</td></tr>
 *   <tr><td>{@code ws://}</td><td>WebSocket, path {@value Endpoint#DEFAULT_WEBSOCKET_PATH} unless given</td>
 *       <td>80</td></tr>
 *   <tr><td>{@code wss://}</td><td>WebSocket over TLS, the same path</td><td>443</td></tr>
 * </table>
 *
 * @param webSocketPath the HTTP path (and query) of the WebSocket handshake; null for TCP and TLS
 */
public record BrokerUrl(String host, int port, boolean tls, String webSocketPath) {
    /** What every message about a wrong URL says is accepted. */
    public static final String ACCEPTED = "tcp://HOST[:PORT], ssl://HOST[:PORT], ws://HOST[:PORT][/PATH] or "
            + "wss://HOST[:PORT][/PATH] (mqtt:// and mqtts:// are aliases of tcp:// and ssl://)";

    public BrokerUrl {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the broker URL names no host; expected " + ACCEPTED);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535 but was " + port);
        }
    }

    /**
     * Parses a URL such as {@code tcp://127.0.0.1:1883} or {@code wss://broker.example:443/mqtt}.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text} and what is accepted
     */
    public static BrokerUrl parse(String text) {
        String given = text == null ? "" : text.trim();
        if (!given.contains("://")) {
            throw wrong(given, "has no scheme");
        }
        URI uri;
        try {
            uri = new URI(given);
        } catch (URISyntaxException e) {
            throw wrong(given, "is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean webSocket = scheme.equals("ws") || scheme.equals("wss");
        boolean tls = switch (scheme) {
            case "tcp", "mqtt", "ws" -> false;
            case "ssl", "tls", "mqtts", "wss" -> true;
            default -> throw wrong(given, "has the unknown scheme '" + scheme + "'");
        };
        if (uri.getHost() == null) {
            throw wrong(given, "names no host (or a port that is not a number)");
        }
        if (uri.getRawUserInfo() != null) {
            throw wrong(given, "carries credentials; give them as mqtt.username and mqtt.password");
        }
        if (uri.getRawFragment() != null) {
            throw wrong(given, "has a fragment (#...)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!webSocket && (!(path.isEmpty() || path.equals("/")) || uri.getRawQuery() != null)) {
            throw wrong(given, "has a path, which MQTT over TCP has no use for (a WebSocket URL is ws:// or wss://)");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : webSocket ? (tls ? 443 : 80) : (tls ? 8883 : 1883);
        String webSocketPath = !webSocket ? null : (path.isEmpty() ? Endpoint.DEFAULT_WEBSOCKET_PATH : path)
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new BrokerUrl(uri.getHost(), port, tls, webSocketPath);
    }

    private static IllegalArgumentException wrong(String given, String what) {
        return new IllegalArgumentException("broker URL '" + given + "' " + what + "; expected " + ACCEPTED);
    }

    public boolean webSocket() {
        return webSocketPath != null;
    }

    /** Where to connect; {@code tlsContext} is used when this URL is {@code ssl://} or {@code wss://}. */
    public Endpoint endpoint(SSLContext tlsContext) {
        Endpoint plain = webSocket() ? Endpoint.webSocket(host, port, webSocketPath) : Endpoint.tcp(host, port);
        return tls ? plain.withTls(tlsContext) : plain;
    }
}
