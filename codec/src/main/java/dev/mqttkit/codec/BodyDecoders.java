package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Disconnect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.PacketType;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Pingreq;
import dev.mqttkit.codec.packet.Pingresp;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Pubcomp;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Subscribe;
import dev.mqttkit.codec.packet.Subscription;
import dev.mqttkit.codec.packet.Unsuback;
import dev.mqttkit.codec.packet.Unsubscribe;
import dev.mqttkit.codec.packet.Will;
import java.util.ArrayList;
import java.util.List;

/** One small decoder per packet type, picked by the type nibble. Each reads the body the framing cut out. */
final class BodyDecoders {
    private BodyDecoders() {
    }

    /**
     * A switch, not a table of lambdas: one call site reaching fourteen lambdas is megamorphic, so the JIT could
     * inline none of them, and this call is made for every packet.
     */
    static Packet decode(int typeNibble, int flags, PacketReader r) {
        PacketType type = PacketType.fromValue(typeNibble); // never null: the framing refused reserved types
        return switch (type) {
            case CONNECT -> connect(flags, r);
            case CONNACK -> connack(flags, r);
            case PUBLISH -> publish(flags, r);
            case PUBACK -> new Puback(idOnly(type, flags, r));
            case PUBREC -> new Pubrec(idOnly(type, flags, r));
            case PUBREL -> new Pubrel(idOnly(type, flags, r), dup31(flags, r));
            case PUBCOMP -> new Pubcomp(idOnly(type, flags, r));
            case SUBSCRIBE -> subscribe(flags, r);
            case SUBACK -> suback(flags, r);
            case UNSUBSCRIBE -> unsubscribe(flags, r);
            case UNSUBACK -> new Unsuback(idOnly(type, flags, r));
            case PINGREQ -> empty(type, flags, r, Pingreq.INSTANCE);
            case PINGRESP -> empty(type, flags, r, Pingresp.INSTANCE);
            case DISCONNECT -> empty(type, flags, r, Disconnect.INSTANCE);
        };
    }

    /**
     * Fixed-header flags of every type but PUBLISH. 3.1.1 fixes them (section 2.2.2). 3.1 requires QoS 1 on PUBREL,
     * SUBSCRIBE and UNSUBSCRIBE, allows DUP on them when retried, and calls every other flag "not used": those are
     * ignored, since 3.1 only says unused bits SHOULD be zero (3.1 section 2.6).
     */
    static void checkFlags(PacketType type, int flags, PacketReader r) {
        boolean qos1Type = type == PacketType.PUBREL || type == PacketType.SUBSCRIBE
                || type == PacketType.UNSUBSCRIBE;
        Rule rule = switch (type) {
            case PUBREL -> Rule.PUBREL_FLAGS;
            case SUBSCRIBE -> Rule.SUBSCRIBE_FLAGS;
            case UNSUBSCRIBE -> Rule.UNSUBSCRIBE_FLAGS;
            default -> Rule.FIXED_HEADER_FLAGS;
        };
        if (r.version() == ProtocolVersion.MQTT_3_1) {
            if (qos1Type && (flags & 0x06) != 0x02) {
                r.violation(rule, 0, type + " must be sent with QoS 1 but had QoS " + ((flags >> 1) & 3));
            }
            return;
        }
        int expected = qos1Type ? 0x02 : 0x00;
        if (flags != expected) {
            r.violation(rule, 0, type + " fixed-header flags must be " + bits(expected) + " but were " + bits(flags));
        }
    }

    private static String bits(int nibble) {
        return String.format("%4s", Integer.toBinaryString(nibble)).replace(' ', '0');
    }

    private static boolean dup31(int flags, PacketReader r) {
        return r.version() == ProtocolVersion.MQTT_3_1 && (flags & 0x08) != 0;
    }

    private static Packet empty(PacketType type, int flags, PacketReader r, Packet instance) {
        checkFlags(type, flags, r);
        r.requireLength(type.name(), 0);
        return instance;
    }

    private static int idOnly(PacketType type, int flags, PacketReader r) {
        checkFlags(type, flags, r);
        r.requireLength(type.name(), 2);
        int id = r.packetId();
        r.requireEnd(type.name());
        return id;
    }

    private static Packet connect(int flags, PacketReader r) {
        int nameAt = r.offset();
        String name = r.string("protocol name");
        int levelAt = r.offset();
        int level = r.u8("protocol level");
        ProtocolVersion version = null;
        for (ProtocolVersion v : ProtocolVersion.values()) {
            if (v.protocolName().equals(name)) {
                if (v.level() != level) {
                    r.version(v); // the name says which specification's rule is broken
                    throw r.fatal(Rule.PROTOCOL_LEVEL, levelAt,
                            "protocol '" + name + "' level " + level + " is not supported");
                }
                version = v;
            }
        }
        if (version == null) {
            throw r.fatal(Rule.PROTOCOL_NAME, nameAt, "protocol name must be 'MQTT' or 'MQIsdp' but was '" + name + "'");
        }
        r.version(version);
        checkFlags(PacketType.CONNECT, flags, r);
        int flagsAt = r.offset();
        int cf = r.u8("connect flags");
        if ((cf & 0x01) != 0) {
            r.violation(Rule.CONNECT_RESERVED_FLAG, flagsAt, "the reserved connect flag must be 0 but was 1");
        }
        boolean cleanSession = (cf & 0x02) != 0;
        boolean willFlag = (cf & 0x04) != 0;
        int willQos = (cf >> 3) & 0x03;
        boolean willRetain = (cf & 0x20) != 0;
        boolean passwordFlag = (cf & 0x40) != 0;
        boolean userNameFlag = (cf & 0x80) != 0;
        if (willQos == 3) {
            throw r.fatal(Rule.WILL_QOS_3, flagsAt, "will QoS must be 0, 1 or 2 but was 3");
        }
        if (!willFlag && willQos != 0) {
            r.violation(Rule.WILL_QOS_WITHOUT_WILL, flagsAt, "will QoS must be 0 without a will but was " + willQos);
        }
        if (!willFlag && willRetain) {
            r.violation(Rule.WILL_RETAIN_WITHOUT_WILL, flagsAt, "will retain must be 0 without a will");
        }
        if (passwordFlag && !userNameFlag) {
            r.violation(Rule.PASSWORD_WITHOUT_USER_NAME, flagsAt, "password flag set without the user name flag");
        }
        int keepAlive = r.u16("keep alive");
        String clientId = r.string("client identifier");
        Will will = null;
        if (willFlag) {
            String topic = r.topicName("will topic");
            Payload message = r.binary("will message");
            will = new Will(topic, message, Qos.of(willQos), willRetain);
        }
        // 3.1 lets the Remaining Length overrule both flags: a flagged but missing user name or password is valid.
        boolean lengthRules = version == ProtocolVersion.MQTT_3_1;
        String userName = userNameFlag && !(lengthRules && r.remaining() == 0) ? r.string("user name") : null;
        Payload password = passwordFlag && !(lengthRules && r.remaining() == 0) ? r.binary("password") : null;
        r.requireEnd("CONNECT");
        return new Connect(version, clientId, cleanSession, keepAlive, will, userName, password);
    }

    private static Packet connack(int flags, PacketReader r) {
        checkFlags(PacketType.CONNACK, flags, r);
        r.requireLength("CONNACK", 2);
        int ackFlags = r.u8("acknowledge flags");
        if ((ackFlags & 0xFE) != 0) {
            r.violation(Rule.CONNACK_RESERVED_FLAGS, 2,
                    "acknowledge flags bits 7-1 must be 0 but the byte was 0x" + Integer.toHexString(ackFlags));
        }
        // 3.1 has no session-present flag: the byte is reserved there.
        boolean sessionPresent = r.version() != ProtocolVersion.MQTT_3_1 && (ackFlags & 0x01) != 0;
        int code = r.u8("return code");
        if (code > Connack.NOT_AUTHORIZED) {
            r.violation(Rule.CONNACK_RESERVED_CODE, 3, "return code " + code + " is reserved");
        }
        if (sessionPresent && code != Connack.ACCEPTED) {
            r.violation(Rule.CONNACK_SESSION_PRESENT_WITH_ERROR, 2,
                    "session present must be 0 with return code " + code);
        }
        r.requireEnd("CONNACK");
        return new Connack(sessionPresent, code);
    }

    private static Packet publish(int flags, PacketReader r) {
        boolean dup = (flags & 0x08) != 0;
        Qos qos = Qos.of((flags >> 1) & 0x03); // QoS 3 was refused by the framing
        boolean retain = (flags & 0x01) != 0;
        if (dup && qos == Qos.AT_MOST_ONCE) {
            r.violation(Rule.PUBLISH_DUP_WITH_QOS_0, 0, "DUP must be 0 for a QoS 0 PUBLISH");
        }
        String topic = r.topicName("topic name");
        int packetId = qos == Qos.AT_MOST_ONCE ? 0 : r.packetId();
        return new Publish(dup, qos, retain, topic, packetId, r.rest());
    }

    private static Packet subscribe(int flags, PacketReader r) {
        checkFlags(PacketType.SUBSCRIBE, flags, r);
        int packetId = r.packetId();
        List<Subscription> subscriptions = new ArrayList<>(4);
        while (r.remaining() > 0) {
            int filterAt = r.offset();
            String filter = r.string("topic filter");
            checkTopicFilter(filter, filterAt, r);
            int qosAt = r.offset();
            int q = r.u8("requested QoS");
            if ((q & 0x03) == 3) {
                throw r.fatal(Rule.SUBSCRIBE_QOS_INVALID, qosAt, "requested QoS must be 0, 1 or 2 but was 3");
            }
            if ((q & 0xFC) != 0 && r.version() == ProtocolVersion.MQTT_3_1_1) {
                r.violation(Rule.SUBSCRIBE_QOS_INVALID, qosAt,
                        "the requested QoS byte's reserved bits must be 0 but the byte was 0x" + Integer.toHexString(q));
            }
            subscriptions.add(new Subscription(filter, Qos.of(q & 0x03)));
        }
        if (subscriptions.isEmpty()) {
            r.violation(Rule.SUBSCRIBE_EMPTY, r.offset(), "SUBSCRIBE must carry at least one topic filter");
        }
        return new Subscribe(packetId, subscriptions, dup31(flags, r));
    }

    private static Packet suback(int flags, PacketReader r) {
        checkFlags(PacketType.SUBACK, flags, r);
        int packetId = r.packetId();
        List<Integer> codes = new ArrayList<>(Math.min(r.remaining(), 16));
        boolean v311 = r.version() != ProtocolVersion.MQTT_3_1;
        while (r.remaining() > 0) {
            int at = r.offset();
            int code = r.u8("return code");
            if (!(code <= 2 || (v311 && code == Suback.FAILURE))) {
                r.violation(Rule.SUBACK_RESERVED_CODE, at, "SUBACK return code 0x" + Integer.toHexString(code)
                        + " is not allowed in MQTT " + r.version().label());
            }
            codes.add(code);
        }
        if (codes.isEmpty()) {
            r.violation(Rule.FIELD_PAST_END, r.offset(), "SUBACK must carry at least one return code");
        }
        return new Suback(packetId, codes);
    }

    private static Packet unsubscribe(int flags, PacketReader r) {
        checkFlags(PacketType.UNSUBSCRIBE, flags, r);
        int packetId = r.packetId();
        List<String> filters = new ArrayList<>(4);
        while (r.remaining() > 0) {
            int filterAt = r.offset();
            String filter = r.string("topic filter");
            checkTopicFilter(filter, filterAt, r);
            filters.add(filter);
        }
        if (filters.isEmpty()) {
            r.violation(Rule.UNSUBSCRIBE_EMPTY, r.offset(), "UNSUBSCRIBE must carry at least one topic filter");
        }
        return new Unsubscribe(packetId, filters, dup31(flags, r));
    }

    private static void checkTopicFilter(String filter, int at, PacketReader r) {
        Rule rule = Topics.checkFilter(filter).orElse(null);
        if (rule != null) {
            r.violation(rule, at, "topic filter '" + filter + "' is invalid: " + rule.description());
        }
    }
}
