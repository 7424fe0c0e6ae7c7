package dev.mqttkit.conformance.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.conformance.SuiteConfig;
import dev.mqttkit.contract.Settings;
import dev.mqttkit.conformance.client.ClientContext;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.client.Timeouts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlTargetTests {

    @Test
    void namesTheTargetAfterHostAndPortAndDefaultsThePort() {
        Settings settings = new Settings(Map.of("mqtt.broker", "tcp://127.0.0.1")::get, Map.of());
        UrlTarget t = new UrlTarget(SuiteConfig.from(settings));
        assertThat(t.endpoint().port()).isEqualTo(1883);
        assertThat(t.name()).isEqualTo("127.0.0.1-1883");
        assertThat(t.endpoint().url()).isEqualTo("tcp://127.0.0.1:1883");
    }

    @Test
    void connectsOverTlsTrustingTheConfiguredTrustStore(@TempDir Path dir) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "EC",
                "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", dir.resolve("broker.p12").toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool could not make a key store");
        BrokerConfig.Tls tls = new BrokerConfig.Tls(null, null, dir.resolve("broker.p12"), "changeit");
        try (ReferenceBroker broker = ReferenceBroker.start(BrokerConfig.defaults()
                .withListeners(List.of(new BrokerConfig.Listener(0, "127.0.0.1", tls))))) {
            UrlTarget target = new UrlTarget(SuiteConfig.from(new Settings(Map.of(
                    "mqtt.broker", "ssl://127.0.0.1:" + broker.port(),
                    "mqtt.truststore", dir.resolve("broker.p12").toString(),
                    "mqtt.truststore.password", "changeit")::get, Map.of())));
            try (ScriptedClient c = new ScriptedClient("tls", "tls1", ProtocolVersion.MQTT_3_1_1,
                    ClientContext.standalone(target.endpoint(), Timeouts.scaledBy(1),
                            ClientContext.Credentials.NONE))) {
                assertThat(c.connect().returnCode()).isZero();
                c.expectNothing();
            }
        }
    }
}
