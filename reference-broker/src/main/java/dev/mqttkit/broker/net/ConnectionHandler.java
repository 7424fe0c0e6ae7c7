package dev.mqttkit.broker.net;

import dev.mqttkit.broker.protocol.BrokerLog;
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
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * One connection between the socket and the protocol logic: bytes from Netty go through the codec's streaming decoder
 * into the {@link ProtocolEngine}, and packets the engine sends are encoded straight into Netty buffers. Runs on the
 * broker's single event loop, the thread the engine is confined to. The bytes may come straight from TCP (or TLS) or
 * out of WebSocket frames: this handler sees one byte stream either way.
 *
 * <p>Back-pressure: while the socket's write buffer is above its high-water mark the connection stops reading, so a
 * client that publishes without reading cannot grow the acknowledgements queued for it; messages for it wait in its
 * session's bounded queue instead. The keep-alive clock looks before it judges such a connection silent
 * ({@link KeepAliveClock}).
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter implements Link {
    private final ProtocolEngine engine;
    private final ServerState server;
    private final MqttDecoder decoder;
    private ChannelHandlerContext ctx;
    private Connection connection;
    private MqttEncoder encoder;
    private KeepAliveClock keepAlive;
    private boolean counted;
    boolean dirty;

    ConnectionHandler(ProtocolEngine engine, ServerState server) {
        this.engine = engine;
        this.server = server;
        this.decoder = new MqttDecoder(DecoderOptions.server().withMaxPacketSize(server.settings().maxPacketSize()));
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (!server.tryOpen()) {
            engine.log().event(BrokerLog.Event.REFUSED, "Connection limit of " + server.settings().maxConnections()
                    + " reached, refusing " + remoteHost() + ".");
            ctx.close();
            return;
        }
        counted = true;
        keepAlive = new KeepAliveClock(ctx, () -> {
            engine.keepAliveExpired(connection);
            server.flusher().flushAll();
        });
        InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
        engine.log().info("New connection from " + remoteHost() + " on port " + local.getPort() + ".");
        connection = engine.open(this);
        ctx.executor().schedule(() -> {
            engine.connectTimedOut(connection);
            server.flusher().flushAll();
        }, server.settings().connectTimeoutMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (connection == null) {
                return;
            }
            keepAlive.bytesRead();
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
        if (keepAlive != null) {
            keepAlive.stop();
        }
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
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == WebSocketFrames.Event.TEXT_FRAME && connection != null) {
            engine.transportViolation(connection, "a text WebSocket frame [MQTT-6.0.0-1]");
            server.flusher().flushAll();
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        engine.log().event(BrokerLog.Event.SOCKET_ERROR, "Socket error on client "
                + (connection != null ? connection.name() : remoteHost()) + ": " + cause.getMessage());
        ctx.close();
    }

    @Override
    public void send(Packet packet) {
        if (encoder == null || encoder.version() != decoder.version()) {
            // Unchecked: everything sent is built from packets the strict decoder accepted, and the checked encoder's
            // second validation of every topic costs throughput; the tests decode all broker output strictly.
            encoder = MqttEncoder.unchecked(decoder.version());
        }
        ByteBuf out = null;
        try {
            int length = encoder.encodedLength(packet);
            out = ctx.alloc().directBuffer(length, length); // direct: the socket write needs no extra copy
            encoder.encode(packet, out.nioBuffer(out.writerIndex(), length));
            out.writerIndex(out.writerIndex() + length);
        } catch (MalformedPacketException e) {
            if (out != null) {
                out.release();
            }
            engine.log().event(BrokerLog.Event.PROTOCOL_ERROR, "Refusing to send " + packet.summary() + ": "
                    + e.getMessage());
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
        keepAlive.stop();
        ctx.flush();
        ctx.close();
    }

    @Override
    public void expectTrafficWithin(long millis) {
        keepAlive.expectTrafficWithin(millis);
    }

    @Override
    public String remoteHost() {
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        return remote == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
