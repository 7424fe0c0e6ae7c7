package dev.mqttkit.conformance.suite;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Gives a malformed packet of the corpus the test's own client id and topics, so cases running side by side never
 * take over each other's sessions, and a broker that accepts a bad PUBLISH routes it under the test's topic root,
 * not to {@code a/b} on a shared broker. Only string fields that can be located are changed (client id, will topic,
 * topic name, topic filters), by prefixing their bytes and raising their length and the Remaining Length by the
 * same amount; so a broken UTF-8 sequence stays broken, a length past the end stays past the end, and the codec
 * reports the same rule for the result as for the original (checked by the suite's tests). Empty strings and frames
 * whose Remaining Length is itself malformed stay as they are.
 */
final class CorpusBytes {
    private CorpusBytes() {
    }

    /**
     * @param clientIdPrefix put in front of the client id of a CONNECT
     * @param topicPrefix    put in front of topic names, filters and will topics, e.g. {@code k3x9t/}
     */
    static byte[] personalize(byte[] frame, String clientIdPrefix, String topicPrefix) {
        Header h = Header.read(frame);
        if (h == null || h.bodyStart != 2) {
            return frame;
        }
        int type = (frame[0] & 0xF0) >> 4;
        Edit edit = new Edit(frame, h.bodyStart, h.bodyStart + h.length);
        byte[] ids = clientIdPrefix.getBytes(StandardCharsets.UTF_8);
        byte[] topics = topicPrefix.getBytes(StandardCharsets.UTF_8);
        switch (type) {
            case 1 -> connect(edit, ids, topics);
            case 3 -> edit.prefixString(h.bodyStart, topics);
            case 8 -> strings(edit, h.bodyStart + 2, topics, true);
            case 10 -> strings(edit, h.bodyStart + 2, topics, false);
            default -> {
                return frame;
            }
        }
        return edit.result(frame[0], h.length);
    }

    /** Protocol name, level, flags, keep alive, client id, then will topic when the will flag is set. */
    private static void connect(Edit edit, byte[] ids, byte[] topics) {
        int at = edit.start;
        int nameLength = edit.u16(at);
        if (nameLength < 0) {
            return;
        }
        int flagsAt = at + 2 + nameLength + 1;
        int clientIdAt = flagsAt + 3;
        if (clientIdAt + 2 > edit.end) {
            return;
        }
        int flags = edit.frame[flagsAt] & 0xFF;
        int idLength = edit.u16(clientIdAt);
        edit.prefixString(clientIdAt, ids);
        int willTopicAt = clientIdAt + 2 + idLength;
        if ((flags & 0x04) != 0 && willTopicAt + 2 <= edit.end) {
            edit.prefixString(willTopicAt, topics);
        }
    }

    /** The string fields of a SUBSCRIBE (each followed by a QoS byte) or an UNSUBSCRIBE, from {@code at}. */
    private static void strings(Edit edit, int at, byte[] topics, boolean qosAfterEach) {
        while (at + 2 <= edit.end) {
            int length = edit.u16(at);
            edit.prefixString(at, topics);
            at += 2 + length + (qosAfterEach ? 1 : 0);
        }
    }

    /** The fixed header, when its Remaining Length is well-formed; only one-byte lengths are personalized. */
    private record Header(int length, int bodyStart) {
        static Header read(byte[] frame) {
            int value = 0;
            for (int i = 1; i < Math.min(frame.length, 5); i++) {
                value |= (frame[i] & 0x7F) << (7 * (i - 1));
                if ((frame[i] & 0x80) == 0) {
                    return new Header(value, i + 1);
                }
            }
            return null;
        }
    }

    /** Insertions into the body of one frame, made in order of position, and the frame rebuilt around them. */
    private static final class Edit {
        private final byte[] frame;
        private final int start;
        private final int end;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private int copied;
        private int added;

        Edit(byte[] frame, int start, int end) {
            this.frame = frame;
            this.start = start;
            this.end = Math.min(end, frame.length);
            this.copied = start;
        }

        int u16(int at) {
            return at + 2 <= end ? ((frame[at] & 0xFF) << 8) | (frame[at + 1] & 0xFF) : -1;
        }

        /** Prefixes the string whose length field is at {@code at}; empty strings stay empty. */
        void prefixString(int at, byte[] prefix) {
            int length = u16(at);
            if (length <= 0 || at < copied) {
                return;
            }
            body.write(frame, copied, at - copied);
            int longer = length + prefix.length;
            body.write(longer >> 8);
            body.write(longer & 0xFF);
            body.write(prefix, 0, prefix.length);
            copied = at + 2;
            added += prefix.length;
        }

        byte[] result(byte first, int length) {
            body.write(frame, copied, frame.length - copied);
            byte[] rest = body.toByteArray();
            int newLength = length + added;
            if (newLength > 127) {
                return frame;
            }
            byte[] out = new byte[2 + rest.length];
            out[0] = first;
            out[1] = (byte) newLength;
            System.arraycopy(rest, 0, out, 2, rest.length);
            return out;
        }
    }
}
