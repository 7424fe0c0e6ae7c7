package dev.mqttkit.bench;

import dev.mqttkit.codec.DecoderOptions;
import dev.mqttkit.codec.MqttDecoder;
import dev.mqttkit.codec.MqttEncoder;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.ProtocolVersion;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttMessage;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Our codec against Netty's {@code codec-mqtt} on the same bytes in the same run, with a copy-the-bytes ceiling.
 * One operation is one pass over a {@link Workload} (85 packets for {@code mixed}, 84 for {@code small}, 1 for
 * {@code large}); multiply
 * ops/s by the packet count for packets/s. Ratios between rows of one run are the figures that matter: this machine
 * is shared, so absolute numbers drift between runs.
 *
 * <p>Decoders live for the whole trial, like a connection's decoder: every operation feeds the complete workload, so
 * each starts and ends on a packet boundary. Every decoded packet goes to a {@link Blackhole}; Netty's messages are
 * also released, which a Netty application must do.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBench {

    @State(Scope.Thread)
    public static class Decoding {
        @Param({"mixed", "small", "large"})
        public String workload;

        /** {@code whole}: the stream in one read; {@code 1460}: one read per TCP segment's worth of bytes. */
        @Param({"whole", "1460"})
        public String feed;

        byte[] bytes;
        int[] cuts;
        int[] packetEnds;
        MqttDecoder ours;
        MqttDecoder oursShared;
        EmbeddedChannel netty;
        Consumer<Packet> packetSink;
        Consumer<byte[]> arraySink;

        @Setup(Level.Trial)
        public void setUp(Blackhole bh) {
            Workload w = Workload.named(workload);
            bytes = w.bytes();
            cuts = w.cuts(feed);
            packetEnds = w.packetEnds();
            ours = new MqttDecoder(DecoderOptions.server());
            oursShared = new MqttDecoder(DecoderOptions.server().sharingInput());
            netty = NettyPeer.decoding(bh::consume);
            packetSink = bh::consume;
            arraySink = bh::consume;
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            netty.finishAndReleaseAll();
        }
    }

    @State(Scope.Thread)
    public static class Encoding {
        List<Packet> packets;
        MqttEncoder ours;
        ByteBuffer out;
        List<MqttMessage> nettyMessages;
        EmbeddedChannel netty;
        Consumer<byte[]> arraySink;

        @Setup(Level.Trial)
        public void setUp(Blackhole bh) {
            Workload w = Workload.mixed();
            packets = w.packets();
            ours = MqttEncoder.of(ProtocolVersion.MQTT_3_1_1);
            out = ByteBuffer.allocate(w.bytes().length);
            nettyMessages = NettyPeer.messages(w);
            netty = NettyPeer.encoding((ByteBuf b) -> bh.consume(b.readableBytes()));
            arraySink = bh::consume;
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            netty.finishAndReleaseAll();
        }
    }

    @Benchmark
    public void decodeMqttkit(Decoding s) {
        Feeds.decode(s.ours, s.bytes, s.cuts, s.packetSink);
    }

    /**
     * Zero-copy payloads ({@link DecoderOptions#sharingInput()}): the workload's array is never written to, which is
     * the promise that mode asks of its caller. Like Netty's slices, a payload then views the input.
     */
    @Benchmark
    public void decodeMqttkitShared(Decoding s) {
        Feeds.decode(s.oursShared, s.bytes, s.cuts, s.packetSink);
    }

    @Benchmark
    public void decodeNetty(Decoding s) {
        NettyPeer.feed(s.netty, s.bytes, s.cuts);
    }

    @Benchmark
    public void decodeCopyCeiling(Decoding s) {
        Feeds.copyCeiling(s.bytes, s.cuts, s.packetEnds, s.arraySink);
    }

    /** Into one reused buffer: what our encoder is for (a connection's write buffer). */
    @Benchmark
    public ByteBuffer encodeMqttkit(Encoding s) {
        return Feeds.encodeInto(s.ours, s.packets, s.out);
    }

    /** A new array per packet, for comparison with Netty's buffer per message. */
    @Benchmark
    public void encodeMqttkitToArrays(Encoding s) {
        Feeds.encodeToArrays(s.ours, s.packets, s.arraySink);
    }

    @Benchmark
    public void encodeNetty(Encoding s) {
        NettyPeer.write(s.netty, s.nettyMessages);
    }
}
