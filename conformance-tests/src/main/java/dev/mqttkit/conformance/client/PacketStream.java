package dev.mqttkit.conformance.client;

import dev.mqttkit.codec.DecodeResult;
import dev.mqttkit.codec.MqttDecoder;
import dev.mqttkit.codec.Violation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * One side of a connection read into packets, each with the exact bytes it arrived in, so a transcript can show them:
 * the reading loop of the scripted client and of the scripted broker alike. Packets are handed over as they complete;
 * reading stops at the end of the stream or at bytes the decoder cannot get past.
 */
public final class PacketStream {
    private final byte[] buf = new byte[16384];
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** Bytes no reading can get past: the rule they break, and the bytes from the start of their packet on. */
    public record Unreadable(Violation violation, byte[] bytes) {
    }

    /**
     * Reads {@code in} until it ends (empty) or a packet cannot be read (what broke it).
     *
     * @param packets gets each decoded packet, with the rules it breaks if the decoder is lenient, and its bytes
     * @throws IOException as {@code in} throws it; the bytes of a packet begun but not finished are {@link #pending}
     */
    public Optional<Unreadable> read(InputStream in, MqttDecoder decoder,
                                     BiConsumer<DecodeResult.Decoded, byte[]> packets) throws IOException {
        while (true) {
            int n = in.read(buf);
            if (n < 0) {
                return Optional.empty();
            }
            ByteBuffer bytes = ByteBuffer.wrap(buf, 0, n);
            while (bytes.hasRemaining()) {
                int start = bytes.position();
                DecodeResult result = decoder.next(bytes);
                pending.write(buf, start, bytes.position() - start);
                if (result instanceof DecodeResult.Decoded d) {
                    byte[] packet = pending.toByteArray();
                    pending.reset();
                    packets.accept(d, packet);
                } else if (result instanceof DecodeResult.Malformed m) {
                    pending.write(buf, bytes.position(), n - bytes.position());
                    return Optional.of(new Unreadable(m.violation(), pending.toByteArray()));
                }
            }
        }
    }

    /** The bytes of a packet begun and not finished when reading stopped. */
    public byte[] pending() {
        return pending.toByteArray();
    }
}
