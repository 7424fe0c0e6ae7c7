package dev.mqttkit.conformance.target;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A broker's address as the user gives it ({@code mqtt.broker}, {@code --broker}): the one place that knows which
 * schemes the suite accepts. {@code mqtt://} and {@code mqtts://}, the names many brokers' documentation uses, are
 * aliases of {@code tcp://} and {@code ssl://}; {@code tls://} is one of {@code ssl://}.
 *
 * @param tls  whether the connection is TLS
 * @param host the host name or address
 * @param port the port, the scheme's default (1883, or 8883 for TLS) when the URL names none
 */
public record BrokerUrl(boolean tls, String host, int port) {
    /** What every message about a wrong URL says is accepted. */
    public static final String ACCEPTED = "tcp://host:port or ssl://host:port (port optional; mqtt:// and mqtts:// "
            + "are aliases)";

    public BrokerUrl {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the broker URL names no host; expected " + ACCEPTED);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535 but was " + port);
        }
    }

    /**
     * Parses a URL such as {@code tcp://127.0.0.1:1883}.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text} and what is accepted
     */
    public static BrokerUrl parse(String text) {
        String given = text == null ? "" : text.trim();
        if (!given.contains("://")) {
            throw new IllegalArgumentException("broker URL '" + given + "' has no scheme; expected " + ACCEPTED);
        }
        URI uri;
        try {
            uri = new URI(given);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("broker URL '" + given + "' is not a URL (" + e.getReason()
                    + "); expected " + ACCEPTED, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = switch (scheme) {
            case "tcp", "mqtt" -> false;
            case "ssl", "tls", "mqtts" -> true;
            default -> throw new IllegalArgumentException("broker URL '" + given + "' has the unknown scheme '"
                    + scheme + "'; expected " + ACCEPTED);
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("broker URL '" + given + "' names no host (or a port that is not a "
                    + "number); expected " + ACCEPTED);
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            throw new IllegalArgumentException("broker URL '" + given + "' has a path, which MQTT over TCP has no use "
                    + "for; expected " + ACCEPTED);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883;
        return new BrokerUrl(tls, uri.getHost(), port);
    }
}
