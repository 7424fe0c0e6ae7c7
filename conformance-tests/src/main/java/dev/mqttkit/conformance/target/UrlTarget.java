package dev.mqttkit.conformance.target;

import dev.mqttkit.conformance.client.Endpoint;

import dev.mqttkit.conformance.SuiteConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A broker someone else runs, reached by a {@link BrokerUrl}: {@code tcp://host:port}, {@code ssl://host:port},
 * {@code ws://host:port/path} or {@code wss://host:port/path}.
 */
public final class UrlTarget implements Target {
    private final Endpoint endpoint;
    private final String name;

    public UrlTarget(SuiteConfig config) {
        BrokerUrl url = BrokerUrl.parse(config.broker());
        this.endpoint = url.endpoint(url.tls() ? tlsContext(config) : null);
        this.name = config.targetName() != null ? config.targetName() : url.host() + "-" + url.port();
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

    private static SSLContext tlsContext(SuiteConfig config) {
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
            return ssl;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trust store " + config.trustStore(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
