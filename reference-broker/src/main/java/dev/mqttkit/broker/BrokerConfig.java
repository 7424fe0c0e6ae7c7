package dev.mqttkit.broker;

import dev.mqttkit.codec.DecoderOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything the broker is started with. Immutable; derive variants with the {@code with...} methods.
 *
 * @param bindAddress         the address of the default listener (used when {@code listeners} is empty)
 * @param port                the port of the default listener; 0 picks a free one
 * @param listeners           explicit listeners from a configuration file; when empty, one plain listener on
 *                            {@code bindAddress:port}
 * @param faults              deliberate defects for calibrating the suite; empty in normal use
 * @param log                 receives log lines (timestamp first, like mosquitto's); null for silence
 * @param verbose             whether every connection and packet is logged too, not only what was refused, dropped
 *                            or went wrong (see {@code BrokerLog})
 * @param passwords           user name to password; null when clients are not authenticated
 * @param maxPacketSize       the largest packet accepted from a client, fixed header included
 * @param maxConnections      connections beyond this many are closed as soon as they are accepted; 0 for no limit
 * @param maxQueuedMessages   per session, messages waiting beyond the in-flight window; newer ones are dropped
 * @param maxInflightMessages per session, QoS 1 and 2 messages sent and not yet acknowledged
 * @param connectTimeoutMillis how long a new connection may take to send its CONNECT
 */
public record BrokerConfig(String bindAddress, int port, List<Listener> listeners, Set<Fault> faults,
                           Consumer<String> log, boolean verbose, Map<String, String> passwords, int maxPacketSize,
                           int maxConnections, int maxQueuedMessages, int maxInflightMessages,
                           int connectTimeoutMillis) {

    public static final int DEFAULT_MAX_PACKET_SIZE = 1024 * 1024;
    public static final int DEFAULT_MAX_CONNECTIONS = 20_000;
    public static final int DEFAULT_MAX_QUEUED_MESSAGES = 1000;
    public static final int DEFAULT_MAX_INFLIGHT_MESSAGES = 20;
    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;

    /**
     * One listening socket.
     *
     * @param port        0 picks a free one
     * @param tls         null for no TLS
     * @param transport   MQTT straight over TCP, or in WebSocket frames
     */
    public record Listener(int port, String bindAddress, Tls tls, Transport transport) {
        public Listener {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535 but was " + port);
            }
            if (bindAddress == null || transport == null) {
                throw new IllegalArgumentException("bindAddress and transport must not be null");
            }
        }

        /** A listener for MQTT straight over TCP (with TLS unless {@code tls} is null). */
        public Listener(int port, String bindAddress, Tls tls) {
            this(port, bindAddress, tls, Transport.TCP);
        }

        /** A plain WebSocket listener ({@code ws://}). */
        public static Listener webSocket(int port, String bindAddress) {
            return new Listener(port, bindAddress, null, Transport.WEBSOCKET);
        }

        /** This listener with TLS ({@code mqtts://}, {@code wss://}). */
        public Listener withTls(Tls t) {
            return new Listener(port, bindAddress, t, transport);
        }
    }

    /**
     * The key material of a TLS listener: either a PEM certificate chain and PKCS#8 key, or a PKCS#12 key store.
     */
    public record Tls(Path certFile, Path keyFile, Path keystore, String keystorePassword) {
        public Tls {
            boolean pem = certFile != null && keyFile != null;
            if (pem == (keystore != null)) {
                throw new IllegalArgumentException("a TLS listener needs certfile and keyfile, or keystore");
            }
        }
    }

    public BrokerConfig {
        listeners = List.copyOf(listeners);
        faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
        passwords = passwords == null ? null : Map.copyOf(passwords);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 but was " + port);
        }
        if (maxPacketSize < 2 || maxPacketSize > DecoderOptions.PROTOCOL_MAXIMUM) {
            throw new IllegalArgumentException("maxPacketSize must be 2.." + DecoderOptions.PROTOCOL_MAXIMUM
                    + " but was " + maxPacketSize);
        }
        positive("maxQueuedMessages", maxQueuedMessages);
        positive("maxInflightMessages", maxInflightMessages);
        positive("connectTimeoutMillis", connectTimeoutMillis);
        if (maxConnections < 0) {
            throw new IllegalArgumentException("maxConnections must be 0 (no limit) or more but was " + maxConnections);
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 but was " + value);
        }
    }

    /** Loopback, an ephemeral port, no authentication, no faults, silent. */
    public static BrokerConfig defaults() {
        return new BrokerConfig("127.0.0.1", 0, List.of(), Set.of(), null, false, null, DEFAULT_MAX_PACKET_SIZE,
                DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_QUEUED_MESSAGES, DEFAULT_MAX_INFLIGHT_MESSAGES,
                DEFAULT_CONNECT_TIMEOUT_MILLIS);
    }

    public BrokerConfig withPort(int p) {
        return copy(b -> b.port = p);
    }

    public BrokerConfig withBindAddress(String address) {
        return copy(b -> b.bindAddress = address);
    }

    public BrokerConfig withListeners(List<Listener> l) {
        return copy(b -> b.listeners = l);
    }

    /**
     * Adds {@code l} beside the listeners that would be opened now: the explicit ones, or else the default plain
     * listener on {@link #bindAddress}:{@link #port} (which thereby becomes explicit, so set those first). For example
     * {@code BrokerConfig.defaults().withAddedListener(Listener.webSocket(0, "127.0.0.1"))} opens a TCP and a
     * WebSocket listener, both on free ports.
     */
    public BrokerConfig withAddedListener(Listener l) {
        List<Listener> all = new ArrayList<>(effectiveListeners());
        all.add(l);
        return withListeners(all);
    }

    public BrokerConfig withFaults(Set<Fault> f) {
        return copy(b -> b.faults = f);
    }

    /** Logs everything to {@code l}: what {@link #withEventLog} logs, plus every connection and packet. */
    public BrokerConfig withLog(Consumer<String> l) {
        return copy(b -> {
            b.log = l;
            b.verbose = true;
        });
    }

    /** Logs to {@code l} what was refused, dropped or went wrong, rate-limited: the runnable broker's default. */
    public BrokerConfig withEventLog(Consumer<String> l) {
        return copy(b -> {
            b.log = l;
            b.verbose = false;
        });
    }

    public BrokerConfig withPasswords(Map<String, String> p) {
        return copy(b -> b.passwords = p);
    }

    public BrokerConfig withMaxPacketSize(int n) {
        return copy(b -> b.maxPacketSize = n);
    }

    public BrokerConfig withMaxConnections(int n) {
        return copy(b -> b.maxConnections = n);
    }

    public BrokerConfig withMaxQueuedMessages(int n) {
        return copy(b -> b.maxQueuedMessages = n);
    }

    public BrokerConfig withMaxInflightMessages(int n) {
        return copy(b -> b.maxInflightMessages = n);
    }

    public BrokerConfig withConnectTimeoutMillis(int n) {
        return copy(b -> b.connectTimeoutMillis = n);
    }

    /** The listeners to open: the explicit ones, or the default plain listener. */
    public List<Listener> effectiveListeners() {
        return listeners.isEmpty() ? List.of(new Listener(port, bindAddress, null)) : listeners;
    }

    /** This configuration with one change applied to a mutable copy, validated again by the record's constructor. */
    private BrokerConfig copy(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return c.build();
    }

    /** The components as mutable fields: what each {@code with...} method changes one of. */
    private static final class Copy {
        String bindAddress;
        int port;
        List<Listener> listeners;
        Set<Fault> faults;
        Consumer<String> log;
        boolean verbose;
        Map<String, String> passwords;
        int maxPacketSize;
        int maxConnections;
        int maxQueuedMessages;
        int maxInflightMessages;
        int connectTimeoutMillis;

        Copy(BrokerConfig c) {
            bindAddress = c.bindAddress;
            port = c.port;
            listeners = c.listeners;
            faults = c.faults;
            log = c.log;
            verbose = c.verbose;
            passwords = c.passwords;
            maxPacketSize = c.maxPacketSize;
            maxConnections = c.maxConnections;
            maxQueuedMessages = c.maxQueuedMessages;
            maxInflightMessages = c.maxInflightMessages;
            connectTimeoutMillis = c.connectTimeoutMillis;
        }

        BrokerConfig build() {
            return new BrokerConfig(bindAddress, port, listeners, faults, log, verbose, passwords, maxPacketSize,
                    maxConnections, maxQueuedMessages, maxInflightMessages, connectTimeoutMillis);
        }
    }
}
