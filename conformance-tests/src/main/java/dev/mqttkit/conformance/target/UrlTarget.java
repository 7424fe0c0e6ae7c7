package dev.mqttkit.conformance.target;

import dev.mqttkit.conformance.client.Endpoint;

import dev.mqttkit.conformance.SuiteConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** A broker someone else runs, reached by {@code tcp://host:port} or {@code ssl://host:port}. */
public final class UrlTarget implements Target {
    private final Endpoint endpoint;
    private final String name;

    public UrlTarget(SuiteConfig config) {
        URI uri = URI.create(config.broker());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        boolean tls = switch (scheme) {
            case "tcp", "mqtt" -> false;
            case "ssl", "tls", "mqtts" -> true;
            default -> throw new IllegalArgumentException(
                    "mqtt.broker must be tcp://host:port or ssl://host:port but was " + config.broker());
        };
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883;
        this.endpoint = new Endpoint(uri.getHost(), port, tls ? tlsFactory(config) : null);
        this.name = config.targetName() != null ? config.targetName() : uri.getHost() + "-" + port;
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
        return "broker at " + endpoint.url();
    }

    private static SSLSocketFactory tlsFactory(SuiteConfig config) {
        try {
            SSLContext ssl = SSLContext.getInstance("TLS");
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (config.trustStore() == null) {
                tmf.init((KeyStore) null);
            } else {
                KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
                char[] pw = config.trustStorePassword() == null ? null : config.trustStorePassword().toCharArray();
                try (InputStream in = Files.newInputStream(Path.of(config.trustStore()))) {
                    ks.load(in, pw);
                }
                tmf.init(ks);
            }
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl.getSocketFactory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trust store " + config.trustStore(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
