package dev.mqttkit.conformance.target;

import dev.mqttkit.conformance.client.Endpoint;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.conformance.SuiteConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The reference broker, started in this JVM on a free loopback port: the default target. The suite uses only the
 * broker's embedding facade, so the reference broker is tested exactly like any other broker.
 */
public final class EmbeddedTarget implements Target {
    private final ReferenceBroker broker;
    private final Endpoint endpoint;
    private final String name;

    private EmbeddedTarget(ReferenceBroker broker, String name) {
        this.broker = broker;
        this.endpoint = Endpoint.tcp("127.0.0.1", broker.port());
        this.name = name;
    }

    public static Target start(SuiteConfig config) {
        try {
            ReferenceBroker broker = ReferenceBroker.start(BrokerConfig.defaults());
            return new EmbeddedTarget(broker, config.targetName() != null ? config.targetName() : "reference-broker");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded reference broker", e);
        }
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
        return "embedded reference broker at 127.0.0.1:" + endpoint.port();
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
