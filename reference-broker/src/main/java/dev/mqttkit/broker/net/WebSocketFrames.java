package dev.mqttkit.broker.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;

/**
 * Between WebSocket frames and the MQTT byte stream (MQTT 3.1.1 chapter 6). Inbound, the payload of every binary
 * frame and of its continuation frames goes on as bytes, without regard to frame boundaries: a frame may carry part
 * of a packet or several packets [MQTT-6.0.0-2], and the connection's streaming decoder reassembles them. Outbound,
 * every buffer becomes one binary frame [MQTT-6.0.0-1].
 *
 * <p>A text frame (or a continuation of one) breaks MQTT-6.0.0-1: the connection is answered with close status 1003
 * and {@link Event#TEXT_FRAME} is fired, so that the connection's handler closes it as a protocol error.
 */
final class WebSocketFrames extends ChannelDuplexHandler {
    /** The user events this handler fires. */
    enum Event {
        /** A text frame arrived; the close frame has been sent. */
        TEXT_FRAME
    }

    private boolean inTextMessage;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof BinaryWebSocketFrame frame) {
            inTextMessage = false;
            ctx.fireChannelRead(frame.content());
        } else if (msg instanceof ContinuationWebSocketFrame frame && !inTextMessage) {
            ctx.fireChannelRead(frame.content());
        } else if (msg instanceof TextWebSocketFrame || msg instanceof ContinuationWebSocketFrame) {
            ReferenceCountUtil.release(msg);
            inTextMessage = true;
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.INVALID_MESSAGE_TYPE,
                    "MQTT travels in binary frames [MQTT-6.0.0-1]"));
            ctx.fireUserEventTriggered(Event.TEXT_FRAME);
        } else {
            ReferenceCountUtil.release(msg); // an HTTP request the handshake did not take: not ours to serve
            ctx.close();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ctx.write(msg instanceof ByteBuf bytes ? new BinaryWebSocketFrame(bytes) : msg, promise);
    }
}
