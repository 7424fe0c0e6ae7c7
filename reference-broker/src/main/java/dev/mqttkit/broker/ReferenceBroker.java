package dev.mqttkit.broker;

import dev.mqttkit.broker.net.Endpoint;
import dev.mqttkit.broker.net.NetSettings;
import dev.mqttkit.broker.net.NettyServer;
import dev.mqttkit.broker.protocol.BrokerLog;
import dev.mqttkit.broker.protocol.EngineSettings;
import dev.mqttkit.broker.protocol.ProtocolEngine;
import dev.mqttkit.broker.session.SessionLimits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 *
 * <p>This class is where the layers meet: it turns a {@link BrokerConfig} into the protocol engine's settings and the
 * network layer's endpoints, so that neither of them depends on the public configuration types.
 */
public final class ReferenceBroker implements AutoCloseable {
    private final NettyServer server;
    private final List<BrokerConfig.Listener> listeners;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ReferenceBroker(NettyServer server, List<BrokerConfig.Listener> listeners) {
        this.server = server;
        this.listeners = listeners;
    }

    /** Binds every listener and returns once they are listening. */
    public static ReferenceBroker start(BrokerConfig config) throws IOException {
        BrokerLog log = new BrokerLog(config.log(), config.verbose());
        EngineSettings settings = new EngineSettings(log, config.passwords(),
                new SessionLimits(config.maxInflightMessages(), config.maxQueuedMessages()),
                Fault.policy(config.faults()));
        if (!config.faults().isEmpty()) {
            String names = config.faults().stream().map(f -> f.name() + " (" + f.statement() + ")").sorted()
                    .collect(Collectors.joining(", "));
            String warning = "WARNING: deliberate faults enabled, this broker does NOT conform: " + names;
            System.err.println(warning);
            log.notice(warning);
        }
        List<BrokerConfig.Listener> listeners = config.effectiveListeners();
        List<Endpoint> endpoints = new ArrayList<>();
        for (BrokerConfig.Listener l : listeners) {
            endpoints.add(new Endpoint(l.bindAddress(), l.port(),
                    l.tls() == null ? Optional.empty() : Optional.of(TlsContexts.create(l.tls())),
                    l.transport() == Transport.WEBSOCKET));
        }
        NettyServer server = NettyServer.start(endpoints, new NetSettings(config.maxPacketSize(),
                config.maxConnections(), config.connectTimeoutMillis()),
                scheduler -> new ProtocolEngine(settings, scheduler));
        ReferenceBroker broker = new ReferenceBroker(server, listeners);
        for (int i = 0; i < listeners.size(); i++) {
            InetSocketAddress a = server.addresses().get(i);
            BrokerConfig.Listener l = listeners.get(i);
            log.notice("Opening " + (l.tls() != null ? "TLS " : "")
                    + (l.transport() == Transport.WEBSOCKET ? "WebSocket " : "") + "listen socket on "
                    + a.getAddress().getHostAddress() + " port " + a.getPort() + ".");
        }
        return broker;
    }

    /** A listener as configured, and the address it is bound to (its port when 0 was asked for). */
    public record Bound(BrokerConfig.Listener listener, InetSocketAddress address) {
    }

    /**
     * The bound port of the first plain TCP listener (else of the first TCP listener, else of the first listener): the
     * port {@code mqtt://} URLs use.
     */
    public int port() {
        return address().getPort();
    }

    /** The address {@link #port()} belongs to. */
    public InetSocketAddress address() {
        return find(Transport.TCP).orElseGet(() -> listeners().get(0)).address();
    }

    /**
     * The bound port of the first listener of {@code transport}, preferring one without TLS; e.g.
     * {@code port(Transport.WEBSOCKET)} for a {@code ws://} URL.
     *
     * @throws IllegalStateException when no listener has that transport
     */
    public int port(Transport transport) {
        return find(transport).orElseThrow(() -> new IllegalStateException("no " + transport + " listener"))
                .address().getPort();
    }

    private Optional<Bound> find(Transport transport) {
        List<Bound> candidates = listeners().stream().filter(b -> b.listener().transport() == transport).toList();
        return candidates.stream().filter(b -> b.listener().tls() == null).findFirst()
                .or(() -> candidates.stream().findFirst());
    }

    /** Every listener with its bound address, in configuration order. */
    public List<Bound> listeners() {
        List<Bound> bound = new ArrayList<>(listeners.size());
        for (int i = 0; i < listeners.size(); i++) {
            bound.add(new Bound(listeners.get(i), server.addresses().get(i)));
        }
        return List.copyOf(bound);
    }

    /** Every bound listener address, in configuration order. */
    public List<InetSocketAddress> addresses() {
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
