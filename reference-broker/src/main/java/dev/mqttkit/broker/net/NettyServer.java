package dev.mqttkit.broker.net;

import dev.mqttkit.broker.protocol.ProtocolEngine;
import dev.mqttkit.broker.protocol.Scheduler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * The listeners: Netty's NIO transport with a single event loop thread that accepts, reads, runs the protocol engine
 * and writes, so that all protocol state is confined to it (the same model as mosquitto's single-threaded loop). Each
 * listener's pipeline is [TLS] [HTTP and WebSocket framing] MQTT: the MQTT handler sees a byte stream either way.
 */
public final class NettyServer {
    /** Per-connection output buffering before messages wait in the session queue instead (see README). */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);
    /** The largest HTTP request body accepted before the WebSocket handshake (an upgrade request has none). */
    private static final int HTTP_REQUEST_LIMIT = 8192;
    private final EventLoopGroup loop;
    private final List<Channel> listeners = new ArrayList<>();
    private final List<InetSocketAddress> addresses = new ArrayList<>();

    private NettyServer(EventLoopGroup loop) {
        this.loop = loop;
    }

    /**
     * Starts the event loop, makes the protocol engine with a {@link Scheduler} on it, and binds every endpoint;
     * returns once all are listening.
     */
    public static NettyServer start(List<Endpoint> endpoints, NetSettings settings,
                                    Function<Scheduler, ProtocolEngine> engines) throws IOException {
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("mqttkit-broker", true),
                NioIoHandler.newFactory());
        NettyServer server = new NettyServer(loop);
        ServerState state = new ServerState(settings);
        ProtocolEngine engine = engines.apply((task, delayMillis) -> loop.schedule(() -> {
            task.run();
            state.flusher().flushAll();
        }, delayMillis, TimeUnit.MILLISECONDS));
        try {
            for (Endpoint endpoint : endpoints) {
                SSLContext ssl = endpoint.tls().orElse(null);
                ServerBootstrap b = new ServerBootstrap()
                        .group(loop)
                        .channel(NioServerSocketChannel.class)
                        .option(ChannelOption.SO_BACKLOG, 1024)
                        .option(ChannelOption.SO_REUSEADDR, true)
                        .childOption(ChannelOption.TCP_NODELAY, true)
                        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                        .childHandler(new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel ch) {
                                if (ssl != null) {
                                    SSLEngine sslEngine = ssl.createSSLEngine();
                                    sslEngine.setUseClientMode(false);
                                    ch.pipeline().addLast("tls", new SslHandler(sslEngine));
                                }
                                if (endpoint.webSocket()) {
                                    addWebSocket(ch.pipeline(), settings, engine);
                                }
                                ch.pipeline().addLast("mqtt", new ConnectionHandler(engine, state));
                            }
                        });
                Channel channel;
                try {
                    channel = b.bind(endpoint.bindAddress(), endpoint.port()).sync().channel();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while binding", e);
                } catch (Exception e) {
                    throw new IOException("cannot listen on " + endpoint.bindAddress() + ":" + endpoint.port() + ": "
                            + e.getMessage(), e);
                }
                server.listeners.add(channel);
                server.addresses.add((InetSocketAddress) channel.localAddress());
            }
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * HTTP until the WebSocket handshake, then frames (MQTT 3.1.1 chapter 6): any path, subprotocol {@code mqtt} or
     * {@code mqttv3.1}, the connect timeout for the handshake too, frames no larger than the largest packet accepted.
     */
    private static void addWebSocket(ChannelPipeline pipeline, NetSettings settings, ProtocolEngine engine) {
        WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/")
                .checkStartsWith(true)
                .subprotocols(String.join(",", WebSocketUpgradeGate.SUBPROTOCOLS))
                .handshakeTimeoutMillis(settings.connectTimeoutMillis())
                .maxFramePayloadLength(settings.maxPacketSize())
                .dropPongFrames(true)
                .build();
        pipeline.addLast("http", new HttpServerCodec())
                .addLast("http-request", new HttpObjectAggregator(HTTP_REQUEST_LIMIT))
                .addLast("ws-gate", new WebSocketUpgradeGate(engine.log()))
                .addLast("ws", new WebSocketServerProtocolHandler(config))
                .addLast("ws-frames", new WebSocketFrames());
    }

    /** The bound addresses, in endpoint order. */
    public List<InetSocketAddress> addresses() {
        return List.copyOf(addresses);
    }

    /** Closes the listeners and every connection, and stops the event loop. */
    public void close() {
        for (Channel c : listeners) {
            c.close();
        }
        loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
