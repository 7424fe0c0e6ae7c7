package dev.mqttkit.broker.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.codec.Hex;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.ProtocolVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed case of {@code fixtures/malformed} meant for a server closes that connection, and only that one: a
 * bystander client keeps being served. Non-CONNECT cases are sent after a valid CONNECT of the case's version.
 */
class MalformedFixturesIT {
    private static ReferenceBroker broker;
    private static TestClient bystander;

    record Case(String file, String name, ProtocolVersion version, byte[] bytes, String rule) {
        @Override
        public String toString() {
            return file + ": " + name + " (" + version.label() + ", " + rule + ")";
        }
    }

    @BeforeAll
    static void start() throws IOException {
        broker = ReferenceBroker.start(BrokerConfig.defaults());
        bystander = TestClient.connected(broker.port(), "bystander");
    }

    @AfterAll
    static void stop() throws IOException {
        if (bystander != null) {
            bystander.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    static Stream<Arguments> serverCases() throws IOException {
        Path dir = Path.of(System.getProperty("mqttkit.fixtures", "../fixtures"), "malformed");
        List<Arguments> cases = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            ObjectMapper json = new ObjectMapper();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    for (JsonNode c : json.readTree(f.toFile())) {
                        if ("server".equals(c.path("receiver").asText())) {
                            cases.add(Arguments.of(new Case(f.getFileName().toString(), c.path("name").asText(),
                                    ProtocolVersion.fromLabel(c.path("version").asText()),
                                    Hex.parse(c.path("hex").asText()), c.path("rule").asText())));
                        }
                    }
                }
            }
        }
        if (cases.isEmpty()) {
            cases.add(Arguments.of((Case) null));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverCases")
    void closesTheConnectionAndServesOthers(Case c) throws IOException {
        assumeTrue(c != null, "no fixtures/malformed/*.json with receiver 'server' found");
        boolean isConnect = (c.bytes()[0] & 0xF0) == 0x10;
        try (TestClient client = isConnect ? TestClient.open(broker.port(), c.version())
                : TestClient.connected(broker.port(), Connect.of(c.version(), "malformed", true, 60))) {
            client.sendRaw(c.bytes());
            client.expectClosed();
        }
        bystander.fence();
    }
}
