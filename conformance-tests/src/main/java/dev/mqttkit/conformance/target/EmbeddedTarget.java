package dev.mqttkit.conformance.target;

import dev.mqttkit.conformance.client.Endpoint;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.broker.Transport;
import dev.mqttkit.conformance.SuiteConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * The reference broker, started in this JVM on a free loopback port: the default target, over TCP; with
 * {@code mqtt.broker=embedded+ws} over WebSocket instead (its only listener is then a {@code ws://} one, path
 * {@value Endpoint#DEFAULT_WEBSOCKET_PATH}). The suite uses only the broker's embedding facade, so the reference
 * broker is tested exactly like any other broker.
 */
public final class EmbeddedTarget implements Target {
    /** The {@code mqtt.broker} value that names this target over TCP, the same as giving none. */
    public static final String OVER_TCP = "embedded";
    /** The {@code mqtt.broker} value that names this target over WebSocket. */
    public static final String OVER_WEBSOCKET = "embedded+ws";

    private final ReferenceBroker broker;
    private final Endpoint endpoint;
    private final String name;

    private EmbeddedTarget(ReferenceBroker broker, Endpoint endpoint, String name) {
        this.broker = broker;
        this.endpoint = endpoint;
        this.name = name;
    }

    /** Whether {@code broker} (an {@code mqtt.broker} value) names this target rather than a URL. */
    public static boolean isNamedBy(String broker) {
        return broker != null && (broker.trim().equals(OVER_TCP) || broker.trim().equals(OVER_WEBSOCKET));
    }

    public static Target start(SuiteConfig config) {
        boolean webSocket = config.broker() != null && config.broker().trim().equals(OVER_WEBSOCKET);
        BrokerConfig settings = BrokerConfig.defaults();
        if (webSocket) {
            settings = settings.withListeners(List.of(BrokerConfig.Listener.webSocket(0, "127.0.0.1")));
        }
        ReferenceBroker broker;
        try {
            broker = ReferenceBroker.start(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded reference broker", e);
        }
        Endpoint endpoint = webSocket
                ? Endpoint.webSocket("127.0.0.1", broker.port(Transport.WEBSOCKET), Endpoint.DEFAULT_WEBSOCKET_PATH)
                : Endpoint.tcp("127.0.0.1", broker.port());
        String name = config.targetName() != null ? config.targetName()
                : webSocket ? "reference-broker-ws" : "reference-broker";
        return new EmbeddedTarget(broker, endpoint, name);
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "embedded reference broker at " + (endpoint.webSocket() ? endpoint.url() : "127.0.0.1:"
                + endpoint.port());
    }

    @Override
    public String broker() {
        String version = version();
        return "mqttkit reference broker" + (version == null ? "" : " " + version);
    }

    /**
     * The broker jar's version: its manifest, else the Maven descriptor packaged in it; when the broker runs from
     * unpackaged classes, the suite's own version, which is built from the same sources.
     */
    static String version() {
        String v = ReferenceBroker.class.getPackage().getImplementationVersion();
        if (v == null) {
            v = mavenVersion(ReferenceBroker.class, "mqttkit-reference-broker");
        }
        return v != null ? v : mavenVersion(EmbeddedTarget.class, "mqttkit-conformance-tests");
    }

    private static String mavenVersion(Class<?> anchor, String artifactId) {
        String path = "/META-INF/maven/dev.mqttkit/" + artifactId + "/pom.properties";
        try (InputStream in = anchor.getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}
