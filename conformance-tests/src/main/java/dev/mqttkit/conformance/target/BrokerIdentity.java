package dev.mqttkit.conformance.target;

import dev.mqttkit.conformance.client.ClientContext;

import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.conformance.client.ScriptedClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Asks a broker its name and version through {@code $SYS/broker/version}, which many brokers publish as a retained
 * message. Best effort: a broker without it (or one that refuses the connection) is simply unnamed.
 */
public final class BrokerIdentity {
    private BrokerIdentity() {
    }

    public static Optional<String> discover(ClientContext context, String clientId) {
        try (ScriptedClient c = new ScriptedClient("probe", clientId, ProtocolVersion.MQTT_3_1_1, context)) {
            if (c.connect(c.connectPacket()).returnCode() != Connack.ACCEPTED) {
                return Optional.empty();
            }
            if (c.subscribe("$SYS/broker/version", Qos.AT_MOST_ONCE) > 2) {
                return Optional.empty();
            }
            List<Packet> got = c.fence();
            Optional<Packet> late = got.isEmpty() ? c.takePacket(context.timeouts().scaled(Duration.ofMillis(300)))
                    : Optional.of(got.get(0));
            return late.filter(Publish.class::isInstance).map(p -> ((Publish) p).payload().asUtf8());
        } catch (RuntimeException | AssertionError e) {
            return Optional.empty();
        }
    }
}
