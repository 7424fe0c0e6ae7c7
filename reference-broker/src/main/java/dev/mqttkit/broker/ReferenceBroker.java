package dev.mqttkit.broker;

import dev.mqttkit.broker.net.NettyServer;
import dev.mqttkit.broker.protocol.ProtocolEngine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * A strictly conforming MQTT 3.1 / 3.1.1 broker (both versions on one port, chosen by each client's CONNECT), to run
 * in-process or from the command line. The conformance suite's default target.
 *
 * <pre>{@code
 * try (ReferenceBroker broker = ReferenceBroker.start(BrokerConfig.defaults())) {
 *     int port = broker.port();
 *     ...
 * }
 * }</pre>
 */
public final class ReferenceBroker implements AutoCloseable {
    private final NettyServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ReferenceBroker(NettyServer server) {
        this.server = server;
    }

    /** Binds every listener and returns once they are listening. */
    public static ReferenceBroker start(BrokerConfig config) throws IOException {
        ProtocolEngine engine = new ProtocolEngine(config);
        if (!config.faults().isEmpty()) {
            String names = config.faults().stream().map(f -> f.name() + " (" + f.statement() + ")").sorted()
                    .collect(Collectors.joining(", "));
            String warning = "WARNING: deliberate faults enabled, this broker does NOT conform: " + names;
            System.err.println(warning);
            engine.log().line(warning);
        }
        NettyServer server = NettyServer.start(config, engine);
        for (int i = 0; i < server.addresses().size(); i++) {
            InetSocketAddress a = server.addresses().get(i);
            engine.log().line("Opening " + (server.isTls(i) ? "TLS " : "") + "listen socket on "
                    + a.getAddress().getHostAddress() + " port " + a.getPort() + ".");
        }
        return new ReferenceBroker(server);
    }

    /** The bound port of the first plain TCP listener (or of the first listener, if all use TLS). */
    public int port() {
        return address().getPort();
    }

    public InetSocketAddress address() {
        for (int i = 0; i < server.addresses().size(); i++) {
            if (!server.isTls(i)) {
                return server.addresses().get(i);
            }
        }
        return server.addresses().get(0);
    }

    /** Every bound listener address, in configuration order. */
    public java.util.List<InetSocketAddress> addresses() {
        return server.addresses();
    }

    /** Stops the listeners and closes every connection. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.close();
        }
    }
}
