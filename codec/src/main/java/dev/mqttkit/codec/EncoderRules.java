package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.PacketIdOnly;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Subscribe;
import dev.mqttkit.codec.packet.Subscription;
import dev.mqttkit.codec.packet.Unsubscribe;

/** What the specification forbids a sender to send, checked before a single byte is written. */
final class EncoderRules {
    private EncoderRules() {
    }

    static void check(Packet p, ProtocolVersion version) {
        switch (p.type()) {
            case CONNECT -> connect((Connect) p);
            case CONNACK -> connack((Connack) p, version);
            case PUBLISH -> publish((Publish) p, version);
            case PUBACK, PUBREC, PUBCOMP, UNSUBACK -> packetId(((PacketIdOnly) p).packetId(), version);
            case PUBREL -> {
                Pubrel r = (Pubrel) p;
                packetId(r.packetId(), version);
                require(!r.dup() || version == ProtocolVersion.MQTT_3_1, Rule.PUBREL_FLAGS, version,
                        "DUP may only be set on a PUBREL in MQTT 3.1");
            }
            case SUBSCRIBE -> subscribe((Subscribe) p, version);
            case SUBACK -> suback((Suback) p, version);
            case UNSUBSCRIBE -> unsubscribe((Unsubscribe) p, version);
            case PINGREQ, PINGRESP, DISCONNECT -> {
            }
        }
    }

    private static void connect(Connect c) {
        ProtocolVersion v = c.version();
        string(c.clientId(), v, "client identifier");
        ClientIdentifiers.check(v, c.clientId(), c.cleanSession())
                .ifPresent(rule -> fail(rule, v, "client identifier '" + c.clientId() + "' is not allowed: "
                        + rule.description()));
        if (c.will() != null) {
            string(c.will().topic(), v, "will topic");
            name(c.will().topic(), v, "will topic");
            length(c.will().message().size(), v, "will message");
        }
        if (c.userName() != null) {
            string(c.userName(), v, "user name");
        }
        if (c.password() != null) {
            length(c.password().size(), v, "password");
            require(c.userName() != null || v == ProtocolVersion.MQTT_3_1, Rule.PASSWORD_WITHOUT_USER_NAME, v,
                    "a password needs a user name");
        }
    }

    private static void connack(Connack c, ProtocolVersion v) {
        if (c.returnCode() > Connack.NOT_AUTHORIZED) {
            fail(Rule.CONNACK_RESERVED_CODE, v, "return code " + c.returnCode() + " is reserved");
        }
        if (c.sessionPresent() && c.returnCode() != 0) {
            fail(Rule.CONNACK_SESSION_PRESENT_WITH_ERROR, v,
                    "session present must be 0 with return code " + c.returnCode());
        }
        require(!(c.sessionPresent() && v == ProtocolVersion.MQTT_3_1), Rule.CONNACK_RESERVED_FLAGS, v,
                "MQTT 3.1 has no session-present flag");
    }

    private static void publish(Publish p, ProtocolVersion v) {
        string(p.topic(), v, "topic name");
        name(p.topic(), v, "topic name");
        if (p.qos() != Qos.AT_MOST_ONCE) {
            packetId(p.packetId(), v);
        } else {
            require(!p.dup() || v == ProtocolVersion.MQTT_3_1, Rule.PUBLISH_DUP_WITH_QOS_0, v,
                    "DUP must be 0 for a QoS 0 PUBLISH");
        }
    }

    private static void subscribe(Subscribe s, ProtocolVersion v) {
        packetId(s.packetId(), v);
        require(!s.dup() || v == ProtocolVersion.MQTT_3_1, Rule.SUBSCRIBE_FLAGS, v,
                "DUP may only be set on a SUBSCRIBE in MQTT 3.1");
        require(!s.subscriptions().isEmpty(), Rule.SUBSCRIBE_EMPTY, v, "SUBSCRIBE needs at least one topic filter");
        for (Subscription sub : s.subscriptions()) {
            filter(sub.filter(), v);
        }
    }

    private static void suback(Suback s, ProtocolVersion v) {
        packetId(s.packetId(), v);
        require(!s.returnCodes().isEmpty(), Rule.FIELD_PAST_END, v, "SUBACK needs at least one return code");
        for (int code : s.returnCodes()) {
            boolean ok = code <= 2 || (code == Suback.FAILURE && v == ProtocolVersion.MQTT_3_1_1);
            if (!ok) {
                fail(Rule.SUBACK_RESERVED_CODE, v,
                        "SUBACK return code 0x" + Integer.toHexString(code) + " is not allowed in MQTT " + v.label());
            }
        }
    }

    private static void unsubscribe(Unsubscribe u, ProtocolVersion v) {
        packetId(u.packetId(), v);
        require(!u.dup() || v == ProtocolVersion.MQTT_3_1, Rule.UNSUBSCRIBE_FLAGS, v,
                "DUP may only be set on an UNSUBSCRIBE in MQTT 3.1");
        require(!u.filters().isEmpty(), Rule.UNSUBSCRIBE_EMPTY, v, "UNSUBSCRIBE needs at least one topic filter");
        for (String f : u.filters()) {
            filter(f, v);
        }
    }

    private static void packetId(int id, ProtocolVersion v) {
        require(id != 0, Rule.PACKET_ID_ZERO, v, "packet identifier must be non-zero");
    }

    private static void name(String topic, ProtocolVersion v, String field) {
        Rule broken = Topics.checkName(topic).orElse(null); // no capturing lambda per packet encoded
        if (broken != null) {
            fail(broken, v, field + " '" + topic + "': " + broken.description());
        }
    }

    private static void filter(String filter, ProtocolVersion v) {
        string(filter, v, "topic filter");
        Rule broken = Topics.checkFilter(filter).orElse(null);
        if (broken != null) {
            fail(broken, v, "topic filter '" + filter + "': " + broken.description());
        }
    }

    private static void string(String s, ProtocolVersion v, String field) {
        Rule broken = Utf8.check(s, v == ProtocolVersion.MQTT_3_1).orElse(null);
        if (broken == Rule.UTF8_ILL_FORMED) {
            fail(broken, v, field + " contains an unpaired surrogate");
        } else if (broken == Rule.UTF8_NULL_CHARACTER) {
            fail(broken, v, field + " contains U+0000");
        }
        length(Utf8.encodedLength(s), v, field);
    }

    private static void length(int n, ProtocolVersion v, String field) {
        if (n > 0xFFFF) { // not require(): the message would be built for every field encoded
            fail(Rule.STRING_TOO_LONG, v, field + " is " + n + " bytes, above 65535");
        }
    }

    /** For constant details only: an argument built by concatenation would be built for every packet encoded. */
    private static void require(boolean ok, Rule rule, ProtocolVersion v, String detail) {
        if (!ok) {
            fail(rule, v, detail);
        }
    }

    private static void fail(Rule rule, ProtocolVersion v, String detail) {
        throw new MalformedPacketException(Violation.of(rule, v, -1, "refusing to encode: " + detail));
    }
}
