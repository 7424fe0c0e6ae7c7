package dev.mqttkit.bench;

import dev.mqttkit.codec.DecodeResult;
import dev.mqttkit.codec.MqttDecoder;
import dev.mqttkit.codec.MqttEncoder;
import dev.mqttkit.codec.packet.Packet;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;

/** The loops the codec benchmarks time, kept apart from JMH so the smoke tests run exactly the same code. */
final class Feeds {
    private Feeds() {
    }

    /** Feeds {@code bytes} to our decoder one cut at a time, as a socket read loop does. */
    static void decode(MqttDecoder decoder, byte[] bytes, int[] cuts, Consumer<Packet> sink) {
        int from = 0;
        for (int end : cuts) {
            ByteBuffer in = ByteBuffer.wrap(bytes, from, end - from);
            while (in.hasRemaining()) {
                DecodeResult r = decoder.next(in);
                if (r instanceof DecodeResult.Decoded d) {
                    sink.accept(d.packet());
                } else if (r instanceof DecodeResult.Malformed m) {
                    throw new IllegalStateException("workload refused: " + m.violation());
                }
            }
            from = end;
        }
    }

    /**
     * The least work a decoder that hands out owned packets can do: allocate each packet's array and copy its bytes
     * in, piece by piece as the cuts deliver them. Packet boundaries are known in advance, so no parsing at all.
     */
    static void copyCeiling(byte[] bytes, int[] cuts, int[] packetEnds, Consumer<byte[]> sink) {
        int packet = 0;
        int packetStart = 0;
        byte[] current = new byte[packetEnds[0]];
        int from = 0;
        for (int end : cuts) {
            int at = from;
            while (at < end) {
                int packetEnd = packetEnds[packet];
                int n = Math.min(end, packetEnd) - at;
                System.arraycopy(bytes, at, current, at - packetStart, n);
                at += n;
                if (at == packetEnd) {
                    sink.accept(current);
                    packetStart = packetEnd;
                    if (++packet < packetEnds.length) {
                        current = new byte[packetEnds[packet] - packetStart];
                    }
                }
            }
            from = end;
        }
    }

    /** Encodes every packet into one reused buffer, as a connection's write buffer is used. */
    static ByteBuffer encodeInto(MqttEncoder encoder, List<Packet> packets, ByteBuffer out) {
        out.clear();
        for (int i = 0, n = packets.size(); i < n; i++) {
            encoder.encode(packets.get(i), out);
        }
        return out;
    }

    /** Encodes every packet into its own new array, the way Netty's encoder allocates a buffer per message. */
    static void encodeToArrays(MqttEncoder encoder, List<Packet> packets, Consumer<byte[]> sink) {
        for (int i = 0, n = packets.size(); i < n; i++) {
            sink.accept(encoder.encode(packets.get(i)));
        }
    }
}
