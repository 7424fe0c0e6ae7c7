package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.ProtocolVersion;
import java.util.Optional;

/**
 * Client identifier rules. They are not decoding rules: a server that receives an identifier it cannot accept answers
 * CONNACK 0x02 "identifier rejected" (MQTT 3.1.1 [MQTT-3.1.3-8], MQTT 3.1 section 3.1) instead of closing the
 * connection as for a malformed packet, so the broker asks here, and the encoder refuses to send such a CONNECT.
 */
public final class ClientIdentifiers {
    /** The longest identifier MQTT 3.1 allows, and the length every 3.1.1 server must accept [MQTT-3.1.3-5]. */
    public static final int MQTT_3_1_MAX_LENGTH = 23;

    private ClientIdentifiers() {
    }

    /**
     * The rule {@code clientId} breaks in {@code version}, if any: in 3.1 it must be 1 to 23 characters; in 3.1.1 a
     * zero-length identifier requires clean session [MQTT-3.1.3-7].
     */
    public static Optional<Rule> check(ProtocolVersion version, String clientId, boolean cleanSession) {
        if (version == ProtocolVersion.MQTT_3_1) {
            int chars = clientId.codePointCount(0, clientId.length());
            return chars < 1 || chars > MQTT_3_1_MAX_LENGTH ? Optional.of(Rule.CLIENT_ID_LENGTH) : Optional.empty();
        }
        return clientId.isEmpty() && !cleanSession
                ? Optional.of(Rule.EMPTY_CLIENT_ID_WITHOUT_CLEAN_SESSION) : Optional.empty();
    }
}
