package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.PacketType;
import dev.mqttkit.codec.packet.ProtocolVersion;

/**
 * Every rule the codec enforces, with the specification reference it is known by in each protocol version.
 *
 * <p>MQTT 3.1.1 references are the OASIS standard's normative statement ids ({@code MQTT-2.2.2-1}) or, where the
 * standard states a rule without an id, its section ({@code MQTT-2.2.3}). MQTT 3.1 has no statement ids, so its
 * references are the 3.1 specification's section numbers ({@code MQTTv3.1-3.8}). A rule that does not exist in a
 * version has no reference there ({@link #appliesTo} is false) and is not enforced for it.
 */
public enum Rule {
    // Fixed header
    RESERVED_PACKET_TYPE("MQTT-2.2.1", "MQTTv3.1-2.1", "packet types 0 and 15 are reserved"),
    REMAINING_LENGTH_TOO_LONG("MQTT-2.2.3", "MQTTv3.1-2.1", "the Remaining Length field is at most four bytes"),
    FIXED_HEADER_FLAGS("MQTT-2.2.2-1", null, "reserved fixed-header flags must have the values the standard lists"),
    PUBREL_FLAGS("MQTT-3.6.1-1", "MQTTv3.1-3.6", "PUBREL is sent with QoS 1 (flags 0010)"),
    SUBSCRIBE_FLAGS("MQTT-3.8.1-1", "MQTTv3.1-3.8", "SUBSCRIBE is sent with QoS 1 (flags 0010)"),
    UNSUBSCRIBE_FLAGS("MQTT-3.10.1-1", "MQTTv3.1-3.10", "UNSUBSCRIBE is sent with QoS 1 (flags 0010)"),
    PUBLISH_QOS_3("MQTT-3.3.1-4", "MQTTv3.1-2.1", "a PUBLISH must not have both QoS bits set"),
    PUBLISH_DUP_WITH_QOS_0("MQTT-3.3.1-2", null, "the DUP flag must be 0 in a QoS 0 PUBLISH"),

    // Lengths: the Remaining Length bounds every field (MQTT 3.1.1 section 2.2.3)
    WRONG_FIXED_LENGTH("MQTT-2.2.3", "MQTTv3.1-2.1", "a fixed-size packet has exactly its defined Remaining Length"),
    FIELD_PAST_END("MQTT-2.2.3", "MQTTv3.1-2.1", "a field runs past the end given by the Remaining Length"),
    TRAILING_BYTES("MQTT-2.2.3", "MQTTv3.1-2.1", "bytes remain after the packet's last field"),
    PACKET_TOO_LARGE("LIMIT-max-packet-size", "LIMIT-max-packet-size",
            "the packet is larger than the configured maximum packet size"),

    // Strings and identifiers
    UTF8_ILL_FORMED("MQTT-1.5.3-1", "MQTTv3.1-2.5", "strings are well-formed UTF-8 without surrogate code points"),
    UTF8_NULL_CHARACTER("MQTT-1.5.3-2", null, "strings must not contain U+0000"),
    STRING_TOO_LONG("MQTT-1.5.3", "MQTTv3.1-2.5", "a string is at most 65535 bytes of UTF-8"),
    PACKET_ID_ZERO("MQTT-2.3.1-1", "MQTTv3.1-2.4",
            "a PUBLISH with QoS above 0, a SUBSCRIBE or an UNSUBSCRIBE carries a non-zero packet identifier"),
    PUBLISH_ACK_ID_ZERO("MQTT-2.3.1-6", "MQTTv3.1-2.4", "a PUBACK, PUBREC, PUBREL or PUBCOMP carries the packet "
            + "identifier of the PUBLISH it belongs to (MQTT-2.3.1-6; PUBCOMP through its PUBREL, 4.3.3), never 0"),
    SUBSCRIBE_ACK_ID_ZERO("MQTT-2.3.1-7", "MQTTv3.1-2.4",
            "a SUBACK or UNSUBACK carries the packet identifier of the request it answers, never 0"),

    // CONNECT
    PROTOCOL_NAME("MQTT-3.1.2-1", "MQTTv3.1-3.1", "the protocol name is 'MQTT' (3.1.1) or 'MQIsdp' (3.1)"),
    PROTOCOL_LEVEL("MQTT-3.1.2-2", "MQTTv3.1-3.1",
            "the protocol level is one the server supports (answered with CONNACK 0x01)"),
    CONNECT_RESERVED_FLAG("MQTT-3.1.2-3", null, "the CONNECT flags' reserved bit 0 is 0"),
    WILL_QOS_WITHOUT_WILL("MQTT-3.1.2-13", null, "will QoS is 0 when the will flag is 0"),
    WILL_QOS_3("MQTT-3.1.2-14", "MQTTv3.1-3.1", "will QoS is 0, 1 or 2"),
    WILL_RETAIN_WITHOUT_WILL("MQTT-3.1.2-15", null, "will retain is 0 when the will flag is 0"),
    PASSWORD_WITHOUT_USER_NAME("MQTT-3.1.2-22", null, "the password flag is 0 when the user name flag is 0"),
    EMPTY_CLIENT_ID_WITHOUT_CLEAN_SESSION("MQTT-3.1.3-7", null,
            "a client with a zero-length client id sets clean session (answered with CONNACK 0x02)"),
    CLIENT_ID_LENGTH(null, "MQTTv3.1-3.1", "a 3.1 client id is 1 to 23 characters (answered with CONNACK 0x02)"),

    // CONNACK
    CONNACK_RESERVED_FLAGS("MQTT-3.2.2.1", null, "CONNACK acknowledge flags bits 7-1 are 0"),
    CONNACK_RESERVED_CODE("MQTT-3.2.2.3", "MQTTv3.1-3.2", "CONNACK return codes above 5 are reserved"),
    CONNACK_SESSION_PRESENT_WITH_ERROR("MQTT-3.2.2-4", null, "session present is 0 with a non-zero return code"),

    // Topics
    TOPIC_EMPTY("MQTT-4.7.3-1", "MQTTv3.1-3.3", "topic names and filters are at least one character long"),
    TOPIC_NAME_WILDCARD("MQTT-3.3.2-2", "MQTTv3.1-3.3", "a PUBLISH topic name contains no wildcard characters"),
    FILTER_MULTI_LEVEL_WILDCARD("MQTT-4.7.1-2", "MQTTv3.1-A",
            "'#' stands alone in the last level of a topic filter"),
    FILTER_SINGLE_LEVEL_WILDCARD("MQTT-4.7.1-3", "MQTTv3.1-A", "'+' occupies a whole level of a topic filter"),

    // SUBSCRIBE, SUBACK, UNSUBSCRIBE
    SUBSCRIBE_EMPTY("MQTT-3.8.3-3", "MQTTv3.1-3.8", "a SUBSCRIBE carries at least one topic filter"),
    SUBSCRIBE_QOS_INVALID("MQTT-3.8.3-4", "MQTTv3.1-3.8",
            "a requested QoS is 0, 1 or 2 and the byte's reserved bits are 0"),
    SUBACK_RESERVED_CODE("MQTT-3.9.3-2", "MQTTv3.1-3.9",
            "SUBACK return codes are 0, 1, 2, or 0x80 (3.1.1 only)"),
    UNSUBSCRIBE_EMPTY("MQTT-3.10.3-2", "MQTTv3.1-3.10", "an UNSUBSCRIBE carries at least one topic filter");

    private final String id311;
    private final String id31;
    private final String description;

    Rule(String id311, String id31, String description) {
        this.id311 = id311;
        this.id31 = id31;
        this.description = description;
    }

    /** The reference for {@code version}, e.g. {@code MQTT-2.2.2-1}; null when the rule does not exist there. */
    public String id(ProtocolVersion version) {
        return version == ProtocolVersion.MQTT_3_1 ? id31 : id311;
    }

    public boolean appliesTo(ProtocolVersion version) {
        return id(version) != null;
    }

    /**
     * The rule a packet identifier of 0 breaks in a packet of {@code type}: MQTT 3.1.1 requires a non-zero identifier
     * of the packets that open an exchange, and requires each acknowledgement to echo the identifier of the packet it
     * answers, which is therefore never 0.
     */
    static Rule zeroPacketId(PacketType type) {
        return switch (type) {
            case PUBACK, PUBREC, PUBREL, PUBCOMP -> PUBLISH_ACK_ID_ZERO;
            case SUBACK, UNSUBACK -> SUBSCRIBE_ACK_ID_ZERO;
            default -> PACKET_ID_ZERO;
        };
    }

    /** What the rule requires, in a few words. */
    public String description() {
        return description;
    }
}
