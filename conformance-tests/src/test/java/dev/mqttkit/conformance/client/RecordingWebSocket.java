package dev.mqttkit.conformance.client;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link WebSocket} that records what {@link WebSocketWire} does with it (frames sent, frames requested, close,
 * abort) instead of talking to a server, so the adapter's framing and flow control can be checked frame by frame.
 */
final class RecordingWebSocket implements WebSocket {
    /** One frame sent: its kind ("binary", "text", "close"), its payload, and whether it ended its message. */
    record Sent(String kind, byte[] payload, boolean last) {
        @Override
        public String toString() {
            return kind + Arrays.toString(payload) + (last ? "" : " (not last)");
        }
    }

    final List<Sent> sent = new ArrayList<>();
    final AtomicInteger requested = new AtomicInteger();
    volatile boolean aborted;
    volatile int closeStatus = -1;

    @Override
    public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
        return record(new Sent("text", data.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), last));
    }

    @Override
    public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
        byte[] payload = new byte[data.remaining()];
        data.get(payload);
        return record(new Sent("binary", payload, last));
    }

    @Override
    public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
        return record(new Sent("ping", new byte[0], true));
    }

    @Override
    public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
        return record(new Sent("pong", new byte[0], true));
    }

    @Override
    public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
        closeStatus = statusCode;
        return record(new Sent("close", new byte[0], true));
    }

    private synchronized CompletableFuture<WebSocket> record(Sent s) {
        sent.add(s);
        return CompletableFuture.completedFuture(this);
    }

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public void request(long n) {
        requested.addAndGet((int) n);
    }

    @Override
    public String getSubprotocol() {
        return "mqtt";
    }

    @Override
    public boolean isOutputClosed() {
        return closeStatus >= 0 || aborted;
    }

    @Override
    public boolean isInputClosed() {
        return aborted;
    }

    @Override
    public void abort() {
        aborted = true;
    }
}
