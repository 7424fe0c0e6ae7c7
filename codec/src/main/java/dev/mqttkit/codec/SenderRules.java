package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.PacketType;
import dev.mqttkit.codec.packet.ProtocolVersion;

/**
 * The checks the packet codecs' sender rules are made of: what the specification forbids a sender to send, refused
 * by a checked encoder before a single byte is written. Every refusal is a {@link MalformedPacketException} naming the
 * rule, with offset -1.
 */
final class SenderRules {
    /** The most bytes a string or binary field's two-byte length can give. */
    static final int MAX_FIELD_LENGTH = 0xFFFF;

    private SenderRules() {
    }

    static void packetId(int id, PacketType type, ProtocolVersion v) {
        require(id != 0, Rule.zeroPacketId(type), v, "packet identifier must be non-zero");
    }

    /** A string field: encodable as UTF-8, without U+0000 where the version forbids it, and short enough. */
    static void string(String s, ProtocolVersion v, String field) {
        Rule broken = Utf8.check(s, v == ProtocolVersion.MQTT_3_1).orElse(null);
        if (broken == Rule.UTF8_ILL_FORMED) {
            fail(broken, v, field + " contains an unpaired surrogate");
        } else if (broken == Rule.UTF8_NULL_CHARACTER) {
            fail(broken, v, field + " contains U+0000");
        }
        length(Utf8.encodedLength(s), v, field);
    }

    /** A topic name (PUBLISH, will): a string field, non-empty and without wildcards. */
    static void topicName(String topic, ProtocolVersion v, String field) {
        string(topic, v, field);
        Rule broken = Topics.checkName(topic).orElse(null); // no capturing lambda per packet encoded
        if (broken != null) {
            fail(broken, v, field + " '" + topic + "': " + broken.description());
        }
    }

    static void topicFilter(String filter, ProtocolVersion v) {
        string(filter, v, "topic filter");
        Rule broken = Topics.checkFilter(filter).orElse(null);
        if (broken != null) {
            fail(broken, v, "topic filter '" + filter + "': " + broken.description());
        }
    }

    /** The byte length of a string or binary field. */
    static void length(int n, ProtocolVersion v, String field) {
        if (n > MAX_FIELD_LENGTH) { // not require(): the message would be built for every field encoded
            fail(Rule.STRING_TOO_LONG, v, field + " is " + n + " bytes, above 65535");
        }
    }

    /** For constant details only: an argument built by concatenation would be built for every packet encoded. */
    static void require(boolean ok, Rule rule, ProtocolVersion v, String detail) {
        if (!ok) {
            fail(rule, v, detail);
        }
    }

    static void fail(Rule rule, ProtocolVersion v, String detail) {
        throw new MalformedPacketException(Violation.of(rule, v, -1, "refusing to encode: " + detail));
    }
}
