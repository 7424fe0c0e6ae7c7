package dev.mqttkit.broker.net;

import dev.mqttkit.broker.protocol.BrokerLog;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lets through only WebSocket upgrade requests that offer an MQTT subprotocol, and then leaves the pipeline.
 *
 * <p>MQTT 3.1.1 section 6.0: the client MUST offer {@code mqtt} [MQTT-6.0.0-3] and the subprotocol the server selects
 * MUST be {@code mqtt} [MQTT-6.0.0-4]; MQTT 3.1 clients offer {@code mqttv3.1}. A server may only select a subprotocol
 * the client offered (RFC 6455 section 4.2.2), so a handshake offering neither cannot end in a conforming answer: it is
 * refused with 400 rather than accepted without a subprotocol. Anything that is not an upgrade request is answered
 * with 400 too: this port speaks only MQTT over WebSocket.
 */
final class WebSocketUpgradeGate extends ChannelInboundHandlerAdapter {
    /** The subprotocols served, in the order the server prefers them. */
    static final List<String> SUBPROTOCOLS = List.of("mqtt", "mqttv3.1");

    private final BrokerLog log;

    WebSocketUpgradeGate(BrokerLog log) {
        this.log = log;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        String refusal = refusal(request);
        if (refusal == null) {
            ctx.pipeline().remove(this);
            ctx.fireChannelRead(request);
            return;
        }
        request.release();
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        log.event(BrokerLog.Event.REFUSED, "Refused WebSocket connection from "
                + (remote == null ? "unknown" : remote.getAddress().getHostAddress()) + ": " + refusal + ".");
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
                Unpooled.copiedBuffer(refusal + "\n", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /** Why {@code request} is refused, or null when it may go on to the WebSocket handshake. */
    private static String refusal(FullHttpRequest request) {
        String upgrade = request.headers().get(HttpHeaderNames.UPGRADE);
        if (upgrade == null || !upgrade.toLowerCase(Locale.ROOT).contains("websocket")) {
            return "this port speaks MQTT over WebSocket only; send a WebSocket upgrade request";
        }
        Set<String> offered = new HashSet<>();
        for (String header : request.headers().getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL)) {
            for (String token : header.split(",")) {
                offered.add(token.trim());
            }
        }
        for (String served : SUBPROTOCOLS) {
            if (offered.contains(served)) {
                return null;
            }
        }
        return "MQTT over WebSocket needs the subprotocol 'mqtt' (MQTT 3.1: 'mqttv3.1') [MQTT-6.0.0-3] but "
                + (offered.isEmpty() ? "none was offered" : "the client offered " + String.join(", ", offered));
    }
}
