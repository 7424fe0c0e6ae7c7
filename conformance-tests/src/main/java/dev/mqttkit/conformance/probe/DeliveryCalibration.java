package dev.mqttkit.conformance.probe;

import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.conformance.client.ClientContext;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.ScriptedClient;

/**
 * Measures, before the tests start, how fast the broker hands a message from one connection to another, so the first
 * quiet period of the run rests on this broker's own speed. Every later delivery in the run refines the measure.
 */
public final class DeliveryCalibration {
    static final int MESSAGES = 10;

    private DeliveryCalibration() {
    }

    /**
     * Publishes {@value #MESSAGES} QoS 1 messages on {@code topic} from one client to another; the context's
     * listener records each delivery's time. Best effort: a broker that does not deliver leaves the floor in place.
     */
    public static void measure(ClientContext context, ProtocolVersion version, String topic, String subscriberId,
                               String publisherId) {
        try (ScriptedClient sub = new ScriptedClient("calibration-sub", subscriberId, version, context);
             ScriptedClient pub = new ScriptedClient("calibration-pub", publisherId, version, context)) {
            sub.connect();
            sub.subscribe(topic, Qos.AT_LEAST_ONCE);
            pub.connect();
            for (int i = 0; i < MESSAGES; i++) {
                pub.publish(topic, "calibration " + i, Qos.AT_LEAST_ONCE, false);
                sub.receive(Match.publish(topic));
            }
            sub.disconnect();
            pub.disconnect();
        } catch (RuntimeException | AssertionError e) {
            // the tests will show what is wrong with delivery; the quiet period keeps its floor
        }
    }
}
