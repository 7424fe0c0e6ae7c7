package dev.mqttkit.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.codec.MqttEncoder;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configured limits hold over real sockets, and the broker keeps serving well-behaved clients. */
class LimitsIT {
    @Test
    void acceptsAPacketOfExactlyMaxPacketSizeAndClosesOnALargerOne() throws IOException {
        int max = 4096;
        try (ReferenceBroker broker = ReferenceBroker.start(BrokerConfig.defaults().withMaxPacketSize(max));
             TestClient sub = TestClient.connected(broker.port(), "sub").subscribe("big", Qos.AT_MOST_ONCE);
             TestClient pub = TestClient.connected(broker.port(), "pub")) {
            MqttEncoder encoder = MqttEncoder.of(ProtocolVersion.MQTT_3_1_1);
            // first byte, two Remaining Length bytes, topic length field, "big", then the payload
            Publish exact = Publish.qos0("big", Payload.of(new byte[max - 1 - 2 - 2 - 3]));
            assertThat(encoder.encodedLength(exact)).isEqualTo(max);
            pub.send(exact);
            assertThat(sub.expectPublish().payload().size()).isEqualTo(exact.payload().size());
            pub.send(Publish.qos0("big", Payload.of(new byte[max])));
            pub.expectClosed();
            sub.fence();
        }
    }

    @Test
    void survivesAFloodOfSilentConnections() throws IOException {
        BrokerConfig config = BrokerConfig.defaults().withMaxConnections(50).withConnectTimeoutMillis(60_000);
        try (ReferenceBroker broker = ReferenceBroker.start(config);
             TestClient early = TestClient.connected(broker.port(), "early")) {
            List<Socket> flood = new ArrayList<>();
            try {
                for (int i = 0; i < 200; i++) {
                    Socket s = new Socket();
                    s.connect(new InetSocketAddress("127.0.0.1", broker.port()), 5000);
                    flood.add(s);
                }
                early.fence();
                early.send(Publish.qos0("still", Payload.utf8("alive")));
                early.fence();
            } finally {
                for (Socket s : flood) {
                    s.close();
                }
            }
        }
    }
}
