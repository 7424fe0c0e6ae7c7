package dev.mqttkit.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.broker.config.ConfigFile;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A password file named in the configuration file decides CONNACK 0, 4 or 5, each refusal followed by a close. */
class AuthenticationIT {
    @TempDir
    Path dir;

    @Test
    void refusesMissingOrWrongCredentialsAndAcceptsRightOnes() throws Exception {
        Files.write(dir.resolve("passwords"), List.of("alice:secret"));
        Files.write(dir.resolve("broker.conf"), List.of("listener 0", "password_file passwords"));
        BrokerConfig config = ConfigFile.read(dir.resolve("broker.conf"), BrokerConfig.defaults());
        Connect base = Connect.of(ProtocolVersion.MQTT_3_1_1, "c", true, 60);
        try (ReferenceBroker broker = ReferenceBroker.start(config)) {
            expectRefused(broker.port(), base, Connack.NOT_AUTHORIZED);
            expectRefused(broker.port(), base.withCredentials("alice", Payload.utf8("wrong")),
                    Connack.BAD_USER_NAME_OR_PASSWORD);
            Connect v31 = Connect.of(ProtocolVersion.MQTT_3_1, "c", true, 60);
            expectRefused(broker.port(), v31.withCredentials("mallory", Payload.utf8("secret")),
                    Connack.BAD_USER_NAME_OR_PASSWORD);
            try (TestClient ok = TestClient.connected(broker.port(),
                    base.withCredentials("alice", Payload.utf8("secret")))) {
                ok.fence();
            }
        }
    }

    private static void expectRefused(int port, Connect connect, int code) throws Exception {
        try (TestClient c = TestClient.open(port, connect.version())) {
            c.send(connect);
            assertThat(c.take()).isEqualTo(Connack.refused(code));
            c.expectClosed();
        }
    }
}
