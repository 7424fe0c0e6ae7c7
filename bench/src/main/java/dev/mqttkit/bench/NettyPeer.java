package dev.mqttkit.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Netty's {@code codec-mqtt} driven the way a Netty server drives it: through a channel pipeline, with a terminal
 * handler that consumes each message and releases it.
 *
 * <p>Why a pipeline and not {@code decode} itself: Netty's {@link MqttDecoder} and {@link MqttEncoder} are final and
 * their work methods protected or package-private, and the decoder's framing (cumulation of partial reads, replay of
 * incomplete packets) lives in {@code ByteToMessageDecoder.channelRead}, which only a pipeline calls. Bytes and
 * messages are fired straight into the pipeline ({@code fireChannelRead}, {@code write}); EmbeddedChannel's own
 * inbound/outbound queues are bypassed, so the only overhead over a hand-made call is one handler hop per message,
 * the same hop a real server pays.
 */
final class NettyPeer {
    /** Netty's default limit is 8092 bytes per message; the workload carries a 64 KiB publish. */
    static final int MAX_MESSAGE = 128 * 1024;

    private NettyPeer() {
    }

    /** A channel whose pipeline decodes whatever is fired into it and hands each message to {@code sink}. */
    static EmbeddedChannel decoding(Consumer<Object> sink) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(new MqttDecoder(MAX_MESSAGE), new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                try {
                    sink.accept(msg);
                } finally {
                    ReferenceCountUtil.release(msg);
                }
            }
        });
        return channel;
    }

    /** Fires {@code bytes[0, cuts[last])} into the pipeline, one read per cut. */
    static void feed(EmbeddedChannel channel, byte[] bytes, int[] cuts) {
        ChannelPipeline pipeline = channel.pipeline();
        int from = 0;
        for (int end : cuts) {
            pipeline.fireChannelRead(Unpooled.wrappedBuffer(bytes, from, end - from));
            from = end;
        }
        pipeline.fireChannelReadComplete();
    }

    /** A channel whose pipeline encodes written messages and hands each encoded buffer to {@code sink}. */
    static EmbeddedChannel encoding(Consumer<ByteBuf> sink) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                try {
                    sink.accept((ByteBuf) msg);
                } finally {
                    ReferenceCountUtil.release(msg);
                }
            }
        }, MqttEncoder.INSTANCE);
        return channel;
    }

    /**
     * Writes each message through the encoder. The encoder releases what it encodes, so reference-counted messages
     * (publishes) are retained first to be reusable.
     */
    static void write(EmbeddedChannel channel, List<MqttMessage> messages) {
        ChannelPipeline pipeline = channel.pipeline();
        for (MqttMessage m : messages) {
            ReferenceCountUtil.retain(m);
            pipeline.write(m, channel.voidPromise());
        }
    }

    /**
     * The workload as Netty messages, made by Netty's own decoder from the workload's bytes, so that both encoders
     * are given the same packets. Publish payloads are slices of one unpooled heap buffer, never released.
     */
    static List<MqttMessage> messages(Workload workload) {
        List<MqttMessage> out = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(MAX_MESSAGE));
        channel.writeInbound(Unpooled.copiedBuffer(workload.bytes()));
        for (Object m; (m = channel.readInbound()) != null; ) {
            MqttMessage message = (MqttMessage) m;
            if (!message.decoderResult().isSuccess()) {
                throw new IllegalStateException("Netty refused the workload: " + message.decoderResult());
            }
            out.add(message);
        }
        channel.finishAndReleaseAll();
        if (out.size() != workload.packetCount()) {
            throw new IllegalStateException("Netty decoded " + out.size() + " of " + workload.packetCount()
                    + " packets");
        }
        return out;
    }
}
