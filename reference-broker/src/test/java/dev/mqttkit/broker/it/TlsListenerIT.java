package dev.mqttkit.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TLS listener beside a plain one, with PKCS#12 or PEM key material made for the test. */
class TlsListenerIT {
    @TempDir
    Path dir;

    private static boolean run(Path dir, String... cmd) throws Exception {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("tool.out").toFile()).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    @Test
    void servesMqttOverTlsWithAPkcs12KeyStore() throws Exception {
        assumeTrue(run(dir, keytool(), "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-dname", "CN=localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", "broker.p12", "-storepass", "changeit",
                "-keypass", "changeit"), "keytool could not make a key store");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("broker.p12"))) {
            ks.load(in, "changeit".toCharArray());
        }
        exercise(new BrokerConfig.Tls(null, null, dir.resolve("broker.p12"), "changeit"), ks.getCertificate("broker"));
    }

    @Test
    void servesMqttOverTlsWithPemFiles() throws Exception {
        assumeTrue(run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "2", "-subj", "/CN=localhost"),
                "openssl not available");
        Certificate cert;
        try (InputStream in = Files.newInputStream(dir.resolve("cert.pem"))) {
            cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        exercise(new BrokerConfig.Tls(dir.resolve("cert.pem"), dir.resolve("key.pem"), null, null), cert);
    }

    private void exercise(BrokerConfig.Tls tls, Certificate trusted) throws Exception {
        BrokerConfig config = BrokerConfig.defaults().withListeners(List.of(
                new BrokerConfig.Listener(0, "127.0.0.1", tls), new BrokerConfig.Listener(0, "127.0.0.1", null)));
        try (ReferenceBroker broker = ReferenceBroker.start(config)) {
            InetSocketAddress tlsAddress = broker.addresses().get(0);
            assertThat(broker.port()).as("port() names the plain listener").isEqualTo(broker.addresses().get(1)
                    .getPort());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("broker", trusted);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", tlsAddress.getPort());
            socket.startHandshake();
            try (TestClient secure = TestClient.over(socket, ProtocolVersion.MQTT_3_1_1);
                 TestClient plain = TestClient.connected(broker.port(), "plain")) {
                secure.send(Connect.of(ProtocolVersion.MQTT_3_1_1, "secure", true, 60));
                assertThat(secure.take()).isEqualTo(Connack.accepted(false));
                secure.subscribe("s", Qos.AT_MOST_ONCE);
                plain.send(Publish.qos0("s", Payload.utf8("over tls")));
                assertThat(secure.expectPublish().payload().asUtf8()).isEqualTo("over tls");
            }
        }
    }
}
