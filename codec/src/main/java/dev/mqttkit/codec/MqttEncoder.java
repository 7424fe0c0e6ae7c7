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
import dev.mqttkit.codec.packet.Will;
import java.nio.ByteBuffer;

/**
 * Encodes packets byte-exactly, with the minimal Remaining Length, for one protocol version (a CONNECT always uses
 * its own). A checked encoder refuses, with a {@link MalformedPacketException} naming the rule, what the specification
 * forbids a sender to send; {@link #unchecked} skips those checks for tests that send faulty packets on purpose (for
 * bytes no packet record can express, see {@link RawFrame}).
 */
public final class MqttEncoder {
    /** The largest Remaining Length four bytes can carry. */
    public static final int MAX_REMAINING_LENGTH = 268_435_455;

    private final ProtocolVersion version;
    private final boolean checked;

    private MqttEncoder(ProtocolVersion version, boolean checked) {
        this.version = version;
        this.checked = checked;
    }

    public static MqttEncoder of(ProtocolVersion version) {
        return new MqttEncoder(version, true);
    }

    public static MqttEncoder unchecked(ProtocolVersion version) {
        return new MqttEncoder(version, false);
    }

    public ProtocolVersion version() {
        return version;
    }

    /** The packet's bytes in a new array. */
    public byte[] encode(Packet packet) {
        int remaining = remainingLength(packet);
        byte[] out = new byte[1 + lengthFieldSize(remaining) + remaining];
        write(packet, remaining, ByteBuffer.wrap(out));
        return out;
    }

    /**
     * Writes the packet at {@code out}'s position, advancing it.
     *
     * @throws java.nio.BufferOverflowException when {@code out} has less room than {@link #encodedLength}; nothing is
     *                                          written then
     */
    public void encode(Packet packet, ByteBuffer out) {
        int remaining = remainingLength(packet);
        if (out.remaining() < 1 + lengthFieldSize(remaining) + remaining) {
            throw new java.nio.BufferOverflowException();
        }
        write(packet, remaining, out);
    }

    /** The packet's size on the wire, fixed header included. */
    public int encodedLength(Packet packet) {
        int remaining = remainingLength(packet);
        return 1 + lengthFieldSize(remaining) + remaining;
    }

    /** Bytes needed to encode {@code remainingLength}: 1 to 4. */
    public static int lengthFieldSize(int remainingLength) {
        return remainingLength < 128 ? 1 : remainingLength < 16_384 ? 2 : remainingLength < 2_097_152 ? 3 : 4;
    }

    /** Writes {@code value} as a minimal Remaining Length (MQTT 3.1.1 section 2.2.3). */
    public static void writeRemainingLength(int value, ByteBuffer out) {
        if (value < 0 || value > MAX_REMAINING_LENGTH) {
            throw new IllegalArgumentException("Remaining Length must be 0.." + MAX_REMAINING_LENGTH + " but was " + value);
        }
        do {
            int digit = value & 0x7F;
            value >>>= 7;
            out.put((byte) (value > 0 ? digit | 0x80 : digit));
        } while (value > 0);
    }

    private int remainingLength(Packet p) {
        if (checked) {
            EncoderRules.check(p, version);
        }
        long n = switch (p.type()) {
            case CONNECT -> connectLength((Connect) p);
            case CONNACK -> 2;
            case PUBLISH -> {
                Publish pub = (Publish) p;
                yield 2L + str(pub.topic()) + (pub.qos() == Qos.AT_MOST_ONCE ? 0 : 2) + pub.payload().size();
            }
            case PUBACK, PUBREC, PUBREL, PUBCOMP, UNSUBACK -> 2;
            case SUBSCRIBE -> {
                long sum = 2;
                for (Subscription s : ((Subscribe) p).subscriptions()) {
                    sum += 2 + str(s.filter()) + 1;
                }
                yield sum;
            }
            case SUBACK -> 2L + ((Suback) p).returnCodes().size();
            case UNSUBSCRIBE -> {
                long sum = 2;
                for (String f : ((Unsubscribe) p).filters()) {
                    sum += 2 + str(f);
                }
                yield sum;
            }
            case PINGREQ, PINGRESP, DISCONNECT -> 0;
        };
        if (n > MAX_REMAINING_LENGTH) {
            throw new MalformedPacketException(Violation.of(Rule.PACKET_TOO_LARGE, version, -1,
                    p.type() + " needs Remaining Length " + n + ", above the protocol maximum " + MAX_REMAINING_LENGTH));
        }
        return (int) n;
    }

    private long connectLength(Connect c) {
        long n = 2 + c.version().protocolName().length() + 1 + 1 + 2 + 2 + str(c.clientId());
        if (c.will() != null) {
            n += 2 + str(c.will().topic()) + 2 + c.will().message().size();
        }
        if (c.userName() != null) {
            n += 2 + str(c.userName());
        }
        if (c.password() != null) {
            n += 2 + c.password().size();
        }
        return n;
    }

    /** UTF-8 length of a string field; the checked encoder has already refused unencodable strings. */
    private int str(String s) {
        return Utf8.encodedLength(s);
    }

    private void write(Packet p, int remaining, ByteBuffer out) {
        out.put((byte) ((p.type().value() << 4) | flags(p)));
        writeRemainingLength(remaining, out);
        switch (p.type()) {
            case CONNECT -> writeConnect((Connect) p, out);
            case CONNACK -> {
                Connack c = (Connack) p;
                out.put((byte) (c.sessionPresent() ? 1 : 0));
                out.put((byte) c.returnCode());
            }
            case PUBLISH -> {
                Publish pub = (Publish) p;
                writeString(pub.topic(), out);
                if (pub.qos() != Qos.AT_MOST_ONCE) {
                    out.putShort((short) pub.packetId());
                }
                pub.payload().copyTo(out);
            }
            case PUBACK, PUBREC, PUBREL, PUBCOMP, UNSUBACK -> out.putShort((short) ((PacketIdOnly) p).packetId());
            case SUBSCRIBE -> {
                Subscribe s = (Subscribe) p;
                out.putShort((short) s.packetId());
                for (Subscription sub : s.subscriptions()) {
                    writeString(sub.filter(), out);
                    out.put((byte) sub.qos().value());
                }
            }
            case SUBACK -> {
                Suback s = (Suback) p;
                out.putShort((short) s.packetId());
                for (int code : s.returnCodes()) {
                    out.put((byte) code);
                }
            }
            case UNSUBSCRIBE -> {
                Unsubscribe u = (Unsubscribe) p;
                out.putShort((short) u.packetId());
                for (String f : u.filters()) {
                    writeString(f, out);
                }
            }
            case PINGREQ, PINGRESP, DISCONNECT -> {
            }
        }
    }

    private static int flags(Packet p) {
        return switch (p.type()) {
            case PUBLISH -> {
                Publish pub = (Publish) p;
                yield (pub.dup() ? 0x08 : 0) | (pub.qos().value() << 1) | (pub.retain() ? 1 : 0);
            }
            case PUBREL -> ((Pubrel) p).dup() ? 0x0A : 0x02;
            case SUBSCRIBE -> ((Subscribe) p).dup() ? 0x0A : 0x02;
            case UNSUBSCRIBE -> ((Unsubscribe) p).dup() ? 0x0A : 0x02;
            default -> 0;
        };
    }

    private static void writeConnect(Connect c, ByteBuffer out) {
        writeString(c.version().protocolName(), out);
        out.put((byte) c.version().level());
        Will w = c.will();
        int flags = (c.cleanSession() ? 0x02 : 0)
                | (w != null ? 0x04 | (w.qos().value() << 3) | (w.retain() ? 0x20 : 0) : 0)
                | (c.password() != null ? 0x40 : 0)
                | (c.userName() != null ? 0x80 : 0);
        out.put((byte) flags);
        out.putShort((short) c.keepAliveSeconds());
        writeString(c.clientId(), out);
        if (w != null) {
            writeString(w.topic(), out);
            out.putShort((short) w.message().size());
            w.message().copyTo(out);
        }
        if (c.userName() != null) {
            writeString(c.userName(), out);
        }
        if (c.password() != null) {
            out.putShort((short) c.password().size());
            c.password().copyTo(out);
        }
    }

    private static void writeString(String s, ByteBuffer out) {
        int n = Utf8.encodedLength(s);
        out.putShort((short) n);
        if (n == s.length()) {
            for (int i = 0; i < n; i++) {
                out.put((byte) s.charAt(i));
            }
        } else {
            Utf8.write(s, out);
        }
    }
}
