package dev.mqttkit.broker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Builds the JDK {@link SSLContext} of a TLS listener from a PKCS#12 key store, or from PEM files: a certificate chain
 * and an unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}; RSA, EC or Ed25519).
 */
final class TlsContexts {
    private TlsContexts() {
    }

    static SSLContext create(BrokerConfig.Tls tls) throws IOException {
        try {
            KeyStore store;
            char[] password;
            if (tls.keystore() != null) {
                password = tls.keystorePassword() == null ? new char[0] : tls.keystorePassword().toCharArray();
                store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(tls.keystore())) {
                    store.load(in, password);
                }
            } else {
                password = new char[0];
                store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                Collection<? extends Certificate> chain;
                try (InputStream in = Files.newInputStream(tls.certFile())) {
                    chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
                }
                if (chain.isEmpty()) {
                    throw new IOException("no certificate in " + tls.certFile());
                }
                store.setKeyEntry("broker", readKey(tls), password, chain.toArray(new Certificate[0]));
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load the TLS key material: " + e.getMessage(), e);
        }
    }

    private static PrivateKey readKey(BrokerConfig.Tls tls) throws IOException, GeneralSecurityException {
        String pem = Files.readString(tls.keyFile(), StandardCharsets.US_ASCII);
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IOException(tls.keyFile() + " holds no unencrypted PKCS#8 key (BEGIN PRIVATE KEY)");
        }
        String base64 = pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end).replaceAll("\\s", "");
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64));
        GeneralSecurityException last = null;
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }
}
