package dev.mqttkit.conformance.target;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.conformance.SuiteConfig;
import java.io.IOException;
import java.io.UncheckedIOException;

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
    public void close() {
        broker.close();
    }
}
