package dev.mqttkit.broker.config;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.Transport;
import dev.mqttkit.codec.DecoderOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the broker's line-based configuration file, a small subset of mosquitto's. One setting per line; {@code #}
 * starts a comment line; blank lines are ignored.
 *
 * <pre>
 * listener 1883                 # plain TCP on 127.0.0.1
 * listener 8883 0.0.0.0 tls     # TLS; needs certfile + keyfile (PEM) or keystore (PKCS#12)
 * listener 8080 127.0.0.1       # ...
 * protocol websockets           # ... MQTT over WebSocket on the listener above (mosquitto's syntax); or: mqtt
 * certfile /etc/broker/cert.pem
 * keyfile /etc/broker/key.pem   # unencrypted PKCS#8
 * keystore /etc/broker/broker.p12
 * keystore_password secret
 * password_file /etc/broker/passwords   # lines "user:password"
 * max_packet_size 1048576
 * max_connections 20000         # 0 = no limit
 * max_queued_messages 1000
 * max_inflight_messages 20
 * </pre>
 *
 * The TLS settings apply to every {@code tls} listener ({@code wss://} for a WebSocket one). Deliberate faults cannot
 * be set here, by design.
 */
public final class ConfigFile {
    private ConfigFile() {
    }

    /** {@code base} with the settings of {@code file} applied. */
    public static BrokerConfig read(Path file, BrokerConfig base) throws ConfigException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        return parse(file.toString(), lines, base, file.toAbsolutePath().getParent());
    }

    static BrokerConfig parse(String name, List<String> lines, BrokerConfig base, Path dir) throws ConfigException {
        BrokerConfig config = base;
        List<ListenerLines> listeners = new ArrayList<>();
        Map<String, String> tlsSettings = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            String key = words[0];
            try {
                switch (key) {
                    case "listener" -> {
                        arity(words, 2, 4);
                        int port = integer(words[1], 0, 65535);
                        String address = words.length > 2 && !words[2].equals("tls") ? words[2] : base.bindAddress();
                        boolean tls = words[words.length - 1].equals("tls") && words.length > 2;
                        if (words.length == 4 && !words[3].equals("tls")) {
                            throw new IllegalArgumentException("the third word must be 'tls'");
                        }
                        listeners.add(new ListenerLines(port, address, tls, lineNo));
                    }
                    case "protocol" -> {
                        arity(words, 2, 2);
                        if (listeners.isEmpty()) {
                            throw new IllegalArgumentException("'protocol' applies to the listener above it, and "
                                    + "there is none");
                        }
                        listeners.get(listeners.size() - 1).transport = switch (words[1]) {
                            case "mqtt" -> Transport.TCP;
                            case "websockets" -> Transport.WEBSOCKET;
                            default -> throw new IllegalArgumentException("'protocol' is 'mqtt' or 'websockets'");
                        };
                    }
                    case "certfile", "keyfile", "keystore", "keystore_password" -> {
                        arity(words, 2, 2);
                        tlsSettings.put(key, words[1]);
                    }
                    case "password_file" -> {
                        arity(words, 2, 2);
                        config = config.withPasswords(PasswordFile.read(resolve(dir, words[1])));
                    }
                    case "max_packet_size" -> {
                        arity(words, 2, 2);
                        config = config.withMaxPacketSize(integer(words[1], 2, DecoderOptions.PROTOCOL_MAXIMUM));
                    }
                    case "max_connections" -> {
                        arity(words, 2, 2);
                        config = config.withMaxConnections(integer(words[1], 0, Integer.MAX_VALUE));
                    }
                    case "max_queued_messages" -> {
                        arity(words, 2, 2);
                        config = config.withMaxQueuedMessages(integer(words[1], 1, Integer.MAX_VALUE));
                    }
                    case "max_inflight_messages" -> {
                        arity(words, 2, 2);
                        config = config.withMaxInflightMessages(integer(words[1], 1, 65535));
                    }
                    default -> throw new IllegalArgumentException("unknown setting '" + key + "'");
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name + " line " + lineNo + ": " + e.getMessage() + ": " + line);
            }
        }
        List<BrokerConfig.Listener> built = new ArrayList<>();
        for (ListenerLines l : listeners) {
            try {
                built.add(new BrokerConfig.Listener(l.port, l.address, l.tls ? tls(tlsSettings, dir) : null,
                        l.transport));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name + " line " + l.lineNo + ": " + e.getMessage());
            }
        }
        return built.isEmpty() ? config : config.withListeners(built);
    }

    /** A {@code listener} line and the {@code protocol} line after it, if any. */
    private static final class ListenerLines {
        final int port;
        final String address;
        final boolean tls;
        final int lineNo;
        Transport transport = Transport.TCP;

        ListenerLines(int port, String address, boolean tls, int lineNo) {
            this.port = port;
            this.address = address;
            this.tls = tls;
            this.lineNo = lineNo;
        }
    }

    private static BrokerConfig.Tls tls(Map<String, String> s, Path dir) {
        return new BrokerConfig.Tls(path(dir, s.get("certfile")), path(dir, s.get("keyfile")),
                path(dir, s.get("keystore")), s.get("keystore_password"));
    }

    private static Path path(Path dir, String value) {
        return value == null ? null : resolve(dir, value);
    }

    private static Path resolve(Path dir, String value) {
        return dir == null ? Path.of(value) : dir.resolve(value);
    }

    private static void arity(String[] words, int min, int max) {
        if (words.length < min || words.length > max) {
            throw new IllegalArgumentException("'" + words[0] + "' takes " + (min == max ? min - 1 + "" :
                    (min - 1) + " to " + (max - 1)) + " value(s)");
        }
    }

    private static int integer(String text, int min, int max) {
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(text + " is outside " + min + ".." + max);
        }
        return (int) v;
    }
}
