package dev.mqttkit.broker.net;

import dev.mqttkit.broker.protocol.Connection;
import dev.mqttkit.broker.protocol.Link;
import dev.mqttkit.broker.protocol.ProtocolEngine;
import dev.mqttkit.codec.DecodeResult;
import dev.mqttkit.codec.DecoderOptions;
import dev.mqttkit.codec.MalformedPacketException;
import dev.mqttkit.codec.MqttDecoder;
import dev.mqttkit.codec.MqttEncoder;
import dev.mqttkit.codec.packet.Packet;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * One connection between the socket and the protocol logic: bytes from Netty go through the codec's streaming decoder
 * into the {@link ProtocolEngine}, and packets the engine sends are encoded straight into Netty buffers. Runs on the
 * broker's single event loop, the thread the engine is confined to.
 *
 * <p>Back-pressure: while the socket's write buffer is above its high-water mark the connection stops reading, so a
 * client that publishes without reading cannot grow the acknowledgements queued for it; messages for it wait in its
 * session's bounded queue instead.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter implements Link {
    private final ProtocolEngine engine;
    private final ServerState server;
    private final MqttDecoder decoder;
    private ChannelHandlerContext ctx;
    private Connection connection;
    private MqttEncoder encoder;
    private boolean counted;
    boolean dirty;

    private long keepAliveNanos;
    private long lastReadNanos;
    private ScheduledFuture<?> keepAliveTimer;

    ConnectionHandler(ProtocolEngine engine, ServerState server) {
        this.engine = engine;
        this.server = server;
        this.decoder = new MqttDecoder(DecoderOptions.server().withMaxPacketSize(server.settings().maxPacketSize()));
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (!server.tryOpen()) {
            engine.log().line("Connection limit of " + server.settings().maxConnections() + " reached, refusing "
                    + remoteHost() + ".");
            ctx.close();
            return;
        }
        counted = true;
        lastReadNanos = System.nanoTime();
        InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
        engine.log().line("New connection from " + remoteHost() + " on port " + local.getPort() + ".");
        connection = engine.open(this);
        ctx.executor().schedule(() -> {
            if (!connection.isConnected() && !connection.isClosed()) {
                engine.keepAliveExpired(connection);
                server.flusher().flushAll();
            }
        }, server.settings().connectTimeoutMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (connection == null) {
                return;
            }
            lastReadNanos = System.nanoTime();
            ByteBuffer in = buf.nioBuffer();
            while (in.hasRemaining() && !connection.isClosed()) {
                DecodeResult result = decoder.next(in);
                if (result instanceof DecodeResult.Decoded d) {
                    engine.received(connection, d.packet());
                } else if (result instanceof DecodeResult.Malformed m) {
                    engine.malformed(connection, m.violation());
                }
            }
        } finally {
            buf.release();
            server.flusher().flushAll();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelKeepAlive();
        if (counted) {
            counted = false;
            server.closed();
        }
        if (connection != null) {
            engine.closed(connection);
            server.flusher().flushAll();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        boolean writable = ctx.channel().isWritable();
        ctx.channel().config().setAutoRead(writable);
        if (writable && connection != null) {
            engine.writable(connection);
            server.flusher().flushAll();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        engine.log().line("Socket error on client " + (connection != null ? connection.name() : remoteHost()) + ": "
                + cause.getMessage());
        ctx.close();
    }

    @Override
    public void send(Packet packet) {
        if (encoder == null || encoder.version() != decoder.version()) {
            // Unchecked: everything sent is built from packets the strict decoder accepted, and the checked encoder's
            // second validation of every topic costs throughput; the tests decode all broker output strictly.
            encoder = MqttEncoder.unchecked(decoder.version());
        }
        int length;
        try {
            length = encoder.encodedLength(packet);
        } catch (MalformedPacketException e) {
            engine.log().line("Refusing to send " + packet.summary() + ": " + e.getMessage());
            return;
        }
        ByteBuf out = ctx.alloc().directBuffer(length, length); // direct: the socket write needs no extra copy
        try {
            encoder.encode(packet, out.nioBuffer(out.writerIndex(), length));
            out.writerIndex(out.writerIndex() + length);
        } catch (MalformedPacketException e) {
            out.release();
            engine.log().line("Refusing to send " + packet.summary() + ": " + e.getMessage());
            return;
        }
        ctx.write(out, ctx.voidPromise());
        server.flusher().written(this);
    }

    void flush() {
        ctx.flush();
    }

    @Override
    public boolean writable() {
        return ctx.channel().isWritable();
    }

    @Override
    public void close() {
        cancelKeepAlive();
        ctx.flush();
        ctx.close();
    }

    @Override
    public void expectTrafficWithin(long millis) {
        cancelKeepAlive();
        keepAliveNanos = TimeUnit.MILLISECONDS.toNanos(millis);
        if (millis > 0) {
            schedule(keepAliveNanos);
        }
    }

    private void schedule(long delayNanos) {
        keepAliveTimer = ctx.executor().schedule(this::checkKeepAlive, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void checkKeepAlive() {
        keepAliveTimer = null;
        long idle = System.nanoTime() - lastReadNanos;
        if (idle >= keepAliveNanos) {
            engine.keepAliveExpired(connection);
            server.flusher().flushAll();
        } else {
            schedule(keepAliveNanos - idle);
        }
    }

    private void cancelKeepAlive() {
        if (keepAliveTimer != null) {
            keepAliveTimer.cancel(false);
            keepAliveTimer = null;
        }
    }

    @Override
    public String remoteHost() {
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        return remote == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
