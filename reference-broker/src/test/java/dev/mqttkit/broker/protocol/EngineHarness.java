package dev.mqttkit.broker.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.broker.Fault;
import dev.mqttkit.broker.session.SessionLimits;
import dev.mqttkit.codec.Violation;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Subscribe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Drives a {@link ProtocolEngine} with fake connections: the protocol logic without sockets. */
final class EngineHarness {
    final ProtocolEngine engine;
    final List<String> logLines = new ArrayList<>();
    final ManualScheduler scheduler = new ManualScheduler();

    private EngineHarness(Map<String, String> passwords, SessionLimits limits, Set<Fault> faults) {
        this.engine = new ProtocolEngine(new EngineSettings(new BrokerLog(logLines::add, true), passwords, limits,
                Fault.policy(faults)), scheduler);
    }

    EngineHarness(Fault... faults) {
        this(null, new SessionLimits(20, 1000), Set.of(faults));
    }

    /** A broker whose sessions have these bounds. */
    static EngineHarness limited(int maxInflight, int maxQueued, Fault... faults) {
        return new EngineHarness(null, new SessionLimits(maxInflight, maxQueued), Set.of(faults));
    }

    /** A broker that authenticates against {@code passwords}. */
    static EngineHarness authenticating(Map<String, String> passwords) {
        return new EngineHarness(passwords, new SessionLimits(20, 1000), Set.of());
    }

    final class Client {
        final FakeLink link = new FakeLink();
        final Connection connection = engine.open(link);

        Client send(Packet p) {
            engine.received(connection, p);
            return this;
        }

        Client malformed(Violation v) {
            engine.malformed(connection, v);
            return this;
        }

        /** The network connection drops without DISCONNECT. */
        void drop() {
            engine.closed(connection);
        }

        List<Packet> sent() {
            return link.drain();
        }

        Packet next() {
            assertThat(link.sent).as("a packet sent to the client").isNotEmpty();
            return link.sent.poll();
        }

        <T extends Packet> T next(Class<T> type) {
            Packet p = next();
            assertThat(p).isInstanceOf(type);
            return type.cast(p);
        }

        Publish nextPublish() {
            return next(Publish.class);
        }

        void nothingMore() {
            assertThat(link.sent).as("packets sent to the client").isEmpty();
        }

        Client subscribe(String filter, Qos qos) {
            send(Subscribe.of(1, filter, qos));
            assertThat(next(Suback.class).returnCodes()).containsExactly(qos.value());
            return this;
        }

        boolean closed() {
            return link.closed;
        }
    }

    Client open() {
        return new Client();
    }

    Client connect(Connect connect) {
        Client c = new Client();
        c.send(connect);
        return c;
    }

    /** A 3.1.1 client connected and acknowledged, nothing else pending. */
    Client connected(String id, boolean clean) {
        Client c = connect(Connect.of(ProtocolVersion.MQTT_3_1_1, id, clean, 60));
        assertThat(c.next(Connack.class).returnCode()).isZero();
        return c;
    }

    Client connected(String id) {
        return connected(id, true);
    }

    static Publish publish(Qos qos, String topic, int id, String payload) {
        return Publish.of(qos, topic, id, Payload.utf8(payload));
    }
}
