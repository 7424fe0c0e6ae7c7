package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.PacketType;
import dev.mqttkit.codec.packet.ProtocolVersion;

/**
 * The fixed-header flags of a packet type whose flags the standard fixes (every type but PUBLISH): 0000, or QoS 1
 * (0010) for PUBREL, SUBSCRIBE and UNSUBSCRIBE (MQTT 3.1.1 section 2.2.2). MQTT 3.1 requires only the QoS 1 of those
 * three, allows DUP on them when they are retried, and calls every other flag "not used": those are ignored, since
 * 3.1 only says unused bits SHOULD be zero (3.1 section 2.6).
 *
 * @param value the flags a sender writes (without DUP)
 * @param rule  the rule other flags break
 */
record ReservedFlags(PacketType type, int value, Rule rule) {

    static ReservedFlags none(PacketType type) {
        return new ReservedFlags(type, 0, Rule.FIXED_HEADER_FLAGS);
    }

    static ReservedFlags qos1(PacketType type, Rule rule) {
        return new ReservedFlags(type, FixedHeader.QOS_1, rule);
    }

    /** The flags to write; the sender rules have already refused a DUP the version does not allow. */
    int encode(boolean dup) {
        return dup ? value | FixedHeader.DUP : value;
    }

    /** The DUP flag of a retried packet, which only MQTT 3.1 has on these types. */
    static boolean dup(int flags, ProtocolVersion version) {
        return version == ProtocolVersion.MQTT_3_1 && (flags & FixedHeader.DUP) != 0;
    }

    void check(int flags, PacketReader r) {
        if (r.version() == ProtocolVersion.MQTT_3_1) {
            if (value == FixedHeader.QOS_1 && (flags & FixedHeader.QOS_MASK) != FixedHeader.QOS_1) {
                r.violation(rule, 0, type + " must be sent with QoS 1 but had QoS " + FixedHeader.qos(flags));
            }
            return;
        }
        if (flags != value) {
            r.violation(rule, 0, type + " fixed-header flags must be " + bits(value) + " but were " + bits(flags));
        }
    }

    private static String bits(int nibble) {
        return String.format("%4s", Integer.toBinaryString(nibble)).replace(' ', '0');
    }
}
