package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.ProtocolVersion;

/**
 * One broken rule found in received bytes.
 *
 * @param rule    the rule
 * @param ruleId  the rule's reference in the version the bytes were read as, e.g. {@code MQTT-3.8.3-4}
 * @param offset  the offset of the offending byte from the first byte of the packet (its fixed header); -1 when
 *                the encoder refused a packet before any byte was written
 * @param message what was expected and what came, beginning with the rule id
 */
public record Violation(Rule rule, String ruleId, int offset, String message) {

    static Violation of(Rule rule, ProtocolVersion version, int offset, String detail) {
        String id = rule.id(version);
        if (id == null) {
            id = rule.id(ProtocolVersion.MQTT_3_1_1);
        }
        String where = offset < 0 ? "" : " (at byte " + offset + ")";
        return new Violation(rule, id, offset, id + ": " + detail + where);
    }

    @Override
    public String toString() {
        return message;
    }
}
