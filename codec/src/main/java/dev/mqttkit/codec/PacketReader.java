package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.PacketType;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A cursor over one packet's variable header and payload, bounded by its Remaining Length: no read goes past
 * {@code end}, so a field that claims more bytes than the packet holds is malformed, never a request for more input.
 * A decoder keeps one and {@link #reset}s it per packet.
 */
final class PacketReader {
    private byte[] buf;
    private int start;
    private int end;
    private int headerLength;
    private boolean lenient;
    private boolean adopt;
    private ProtocolVersion version;
    private int pos;
    private List<Violation> violations = List.of();

    /**
     * Points the reader at the next packet's body. The violations list of the previous packet is left to whoever holds
     * it; a new one is made if this packet has any.
     *
     * @param adopt whether the reader may hand {@code buf} to a {@link Payload} without copying (the decoder
     *              assembled the packet in it and will not reuse it, or the caller promised never to modify it)
     */
    void reset(byte[] buf, int start, int end, int headerLength, ProtocolVersion version, boolean lenient,
               boolean adopt) {
        this.buf = buf;
        this.start = start;
        this.end = end;
        this.pos = start;
        this.headerLength = headerLength;
        this.version = version;
        this.lenient = lenient;
        this.adopt = adopt;
        this.violations = List.of();
    }

    /** Drops the reference to the packet's bytes, so the decoder never keeps an input array reachable. */
    void release() {
        buf = null;
    }

    ProtocolVersion version() {
        return version;
    }

    void version(ProtocolVersion v) {
        this.version = v;
    }

    List<Violation> violations() {
        return violations;
    }

    /** Offset of the next byte from the start of the packet (fixed header included). */
    int offset() {
        return headerLength + (pos - start);
    }

    int remaining() {
        return end - pos;
    }

    int remainingLength() {
        return end - start;
    }

    int u8(String field) {
        if (pos >= end) {
            throw fatal(Rule.FIELD_PAST_END, offset(), field + " expected, but the packet ends");
        }
        return buf[pos++] & 0xFF;
    }

    int u16(String field) {
        if (end - pos < 2) {
            throw fatal(Rule.FIELD_PAST_END, offset(),
                    field + " needs 2 bytes, but the packet has " + (end - pos) + " left");
        }
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    int packetId(PacketType type) {
        int at = offset();
        int id = u16("packet identifier");
        if (id == 0) {
            violation(Rule.zeroPacketId(type), at, "packet identifier must be non-zero but was 0");
        }
        return id;
    }

    /** A length-prefixed UTF-8 string, validated as MQTT 3.1.1 section 1.5.3 requires. */
    String string(String field) {
        int len = fieldLength(field);
        int from = pos;
        pos += len;
        return Utf8.decode(buf, from, len, this, headerLength + (from - start), field);
    }

    /**
     * A topic name (PUBLISH, will topic): {@link #string} and then {@link Topics#checkName}. The common name, non-empty
     * ASCII without U+0000 and without wildcards, passes both checks by definition, so one scan of its bytes replaces
     * them; any other name takes the general path, which reports its violations.
     */
    String topicName(String field) {
        int at = offset();
        int len = fieldLength(field);
        int from = pos;
        int to = from + len;
        pos = to;
        int i = from;
        while (i < to && buf[i] > 0 && buf[i] != '+' && buf[i] != '#') {
            i++;
        }
        if (i == to && len > 0) {
            return new String(buf, from, len, StandardCharsets.ISO_8859_1);
        }
        String name = Utf8.decode(buf, from, len, this, headerLength + (from - start), field);
        Rule rule = Topics.checkName(name).orElse(null);
        if (rule != null) {
            violation(rule, at, field + " '" + name + "' "
                    + (rule == Rule.TOPIC_EMPTY ? "is empty" : "contains a wildcard character"));
        }
        return name;
    }

    /** A topic filter (SUBSCRIBE, UNSUBSCRIBE): {@link #string} and then {@link Topics#checkFilter}. */
    String topicFilter(String field) {
        int at = offset();
        String filter = string(field);
        Rule rule = Topics.checkFilter(filter).orElse(null);
        if (rule != null) {
            violation(rule, at, field + " '" + filter + "' is invalid: " + rule.description());
        }
        return filter;
    }

    /** Length-prefixed bytes (will message, password). */
    Payload binary(String field) {
        int len = fieldLength(field);
        Payload p = slice(pos, len);
        pos += len;
        return p;
    }

    /** Reads a field's two-byte length and checks that the packet holds that many bytes after it. */
    private int fieldLength(String field) {
        int lengthAt = offset();
        if (end - pos < 2) { // as u16 would say, without building the field's name for every string read
            throw fatal(Rule.FIELD_PAST_END, lengthAt,
                    field + " length needs 2 bytes, but the packet has " + (end - pos) + " left");
        }
        int len = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        if (len > end - pos) {
            throw fatal(Rule.FIELD_PAST_END, lengthAt,
                    field + " claims " + len + " bytes, but the packet has " + (end - pos) + " left");
        }
        return len;
    }

    /** Everything up to the end of the packet (a PUBLISH payload). */
    Payload rest() {
        Payload p = slice(pos, end - pos);
        pos = end;
        return p;
    }

    private Payload slice(int from, int len) {
        return adopt ? Payload.adopt(buf, from, len) : Payload.copyOf(buf, from, len);
    }

    /** Reports trailing bytes after the last field. */
    void requireEnd(String packet) {
        if (pos < end) {
            violation(Rule.TRAILING_BYTES, offset(), packet + " has " + (end - pos) + " bytes after its last field");
            pos = end;
        }
    }

    /** Checks the Remaining Length of a packet whose size the standard fixes. */
    void requireLength(String packet, int expected) {
        if (end - start != expected) {
            violation(Rule.WRONG_FIXED_LENGTH, 1,
                    packet + " must have Remaining Length " + expected + " but had " + (end - start));
        }
    }

    /**
     * A broken rule that leaves the packet readable: fatal when strict, recorded when lenient. Rules that do not exist
     * in the version being read are not reported.
     */
    void violation(Rule rule, int offset, String detail) {
        if (!rule.appliesTo(version)) {
            return;
        }
        Violation v = Violation.of(rule, version, offset, detail);
        if (!lenient) {
            throw new MalformedPacketException(v);
        }
        if (violations.isEmpty()) {
            violations = new ArrayList<>(2);
        }
        violations.add(v);
    }

    /** A broken rule after which the packet cannot be read on, in either mode. */
    MalformedPacketException fatal(Rule rule, int offset, String detail) {
        return new MalformedPacketException(Violation.of(rule, version, offset, detail));
    }
}
