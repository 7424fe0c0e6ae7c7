package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.PacketType;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Will;
import java.nio.ByteBuffer;

/**
 * CONNECT (MQTT 3.1.1 section 3.1; MQTT 3.1 section 3.1). The packet names its own protocol version, so it is read
 * and written by that version's rules whatever the decoder or encoder was made for.
 */
final class ConnectCodec extends PacketCodec<Connect> {
    // The connect flags byte (MQTT 3.1.1 section 3.1.2.3).
    static final int USER_NAME = 0x80;
    static final int PASSWORD = 0x40;
    static final int WILL_RETAIN = 0x20;
    static final int WILL_QOS_MASK = 0x18;
    static final int WILL_QOS_SHIFT = 3;
    static final int WILL = 0x04;
    static final int CLEAN_SESSION = 0x02;
    static final int RESERVED = 0x01;

    private static final ReservedFlags FLAGS = ReservedFlags.none(PacketType.CONNECT);

    ConnectCodec() {
        super(PacketType.CONNECT);
    }

    @Override
    Connect decode(int flags, PacketReader r) {
        ProtocolVersion version = readVersion(r);
        r.version(version);
        FLAGS.check(flags, r);
        int flagsAt = r.offset();
        int cf = r.u8("connect flags");
        if ((cf & RESERVED) != 0) {
            r.violation(Rule.CONNECT_RESERVED_FLAG, flagsAt, "the reserved connect flag must be 0 but was 1");
        }
        boolean cleanSession = (cf & CLEAN_SESSION) != 0;
        boolean willFlag = (cf & WILL) != 0;
        int willQos = (cf & WILL_QOS_MASK) >> WILL_QOS_SHIFT;
        boolean willRetain = (cf & WILL_RETAIN) != 0;
        boolean passwordFlag = (cf & PASSWORD) != 0;
        boolean userNameFlag = (cf & USER_NAME) != 0;
        if (willQos == FixedHeader.RESERVED_QOS) {
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

    /** The version the protocol name and level give, which every later rule of the connection follows. */
    private static ProtocolVersion readVersion(PacketReader r) {
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
            throw r.fatal(Rule.PROTOCOL_NAME, nameAt,
                    "protocol name must be 'MQTT' or 'MQIsdp' but was '" + name + "'");
        }
        return version;
    }

    /** By the CONNECT's own version: the encoder's does not apply to it. */
    @Override
    void checkSender(Connect c, ProtocolVersion encoderVersion) {
        ProtocolVersion v = c.version();
        SenderRules.string(c.clientId(), v, "client identifier");
        Rule badId = ClientIdentifiers.check(v, c.clientId(), c.cleanSession()).orElse(null);
        if (badId != null) {
            SenderRules.fail(badId, v, "client identifier '" + c.clientId() + "' is not allowed: "
                    + badId.description());
        }
        if (c.will() != null) {
            SenderRules.topicName(c.will().topic(), v, "will topic");
            SenderRules.length(c.will().message().size(), v, "will message");
        }
        if (c.userName() != null) {
            SenderRules.string(c.userName(), v, "user name");
        }
        if (c.password() != null) {
            SenderRules.length(c.password().size(), v, "password");
            SenderRules.require(c.userName() != null || v == ProtocolVersion.MQTT_3_1,
                    Rule.PASSWORD_WITHOUT_USER_NAME, v, "a password needs a user name");
        }
    }

    @Override
    long remainingLength(Connect c) {
        // protocol name, level, connect flags, keep alive, client identifier
        long n = 2 + c.version().protocolName().length() + 1 + 1 + 2 + stringField(c.clientId());
        if (c.will() != null) {
            n += stringField(c.will().topic()) + binaryField(c.will().message());
        }
        if (c.userName() != null) {
            n += stringField(c.userName());
        }
        if (c.password() != null) {
            n += binaryField(c.password());
        }
        return n;
    }

    @Override
    int flags(Connect c) {
        return FLAGS.encode(false);
    }

    @Override
    void writeBody(Connect c, ByteBuffer out) {
        writeString(c.version().protocolName(), out);
        out.put((byte) c.version().level());
        Will w = c.will();
        int flags = (c.cleanSession() ? CLEAN_SESSION : 0)
                | (w != null ? WILL | (w.qos().value() << WILL_QOS_SHIFT) | (w.retain() ? WILL_RETAIN : 0) : 0)
                | (c.password() != null ? PASSWORD : 0)
                | (c.userName() != null ? USER_NAME : 0);
        out.put((byte) flags);
        out.putShort((short) c.keepAliveSeconds());
        writeString(c.clientId(), out);
        if (w != null) {
            writeString(w.topic(), out);
            writeBinary(w.message(), out);
        }
        if (c.userName() != null) {
            writeString(c.userName(), out);
        }
        if (c.password() != null) {
            writeBinary(c.password(), out);
        }
    }
}
