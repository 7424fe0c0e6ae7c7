package dev.mqttkit.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Arbitrary bytes shaped like an MQTT packet, for sending what no encoder would: reserved flags, a Remaining Length
 * that lies, ill-formed UTF-8, a fifth length byte. The body is built field by field; the Remaining Length is the
 * body's true size unless overridden.
 *
 * <pre>{@code
 * byte[] frame = RawFrame.builder(0x82).u16(1).utf8("a/#/b").u8(0).build();   // SUBSCRIBE with an invalid filter
 * byte[] liar = RawFrame.builder(0x30).remainingLength(200).utf8("a").build(); // claims more than it carries
 * }</pre>
 */
public final class RawFrame {
    private RawFrame() {
    }

    public static Builder builder(int firstByte) {
        return new Builder(firstByte);
    }

    public static final class Builder {
        private final int firstByte;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private byte[] lengthField;

        private Builder(int firstByte) {
            if (firstByte < 0 || firstByte > 0xFF) {
                throw new IllegalArgumentException("first byte must be 0..255 but was " + firstByte);
            }
            this.firstByte = firstByte;
        }

        public Builder u8(int value) {
            body.write(value);
            return this;
        }

        public Builder u16(int value) {
            body.write(value >>> 8);
            body.write(value);
            return this;
        }

        public Builder bytes(byte[] bytes) {
            body.writeBytes(bytes);
            return this;
        }

        public Builder hex(String hex) {
            return bytes(Hex.parse(hex));
        }

        /** A length-prefixed UTF-8 string, exactly as Java encodes it (use {@link #string(byte[])} for raw bytes). */
        public Builder utf8(String s) {
            return string(s.getBytes(StandardCharsets.UTF_8));
        }

        /** A two-byte length followed by {@code raw}: a string field holding any bytes at all. */
        public Builder string(byte[] raw) {
            u16(raw.length);
            return bytes(raw);
        }

        /** Claims {@code value} as Remaining Length, minimally encoded, whatever the body's size. */
        public Builder remainingLength(int value) {
            ByteBuffer b = ByteBuffer.allocate(4);
            MqttEncoder.writeRemainingLength(value, b);
            lengthField = java.util.Arrays.copyOf(b.array(), b.position());
            return this;
        }

        /** Uses {@code raw} as the Remaining Length field verbatim (non-minimal or over-long encodings). */
        public Builder remainingLengthBytes(byte... raw) {
            lengthField = raw.clone();
            return this;
        }

        public byte[] build() {
            byte[] b = body.toByteArray();
            byte[] len = lengthField;
            if (len == null) {
                ByteBuffer tmp = ByteBuffer.allocate(4);
                MqttEncoder.writeRemainingLength(b.length, tmp);
                len = java.util.Arrays.copyOf(tmp.array(), tmp.position());
            }
            byte[] out = new byte[1 + len.length + b.length];
            out[0] = (byte) firstByte;
            System.arraycopy(len, 0, out, 1, len.length);
            System.arraycopy(b, 0, out, 1 + len.length, b.length);
            return out;
        }
    }
}
