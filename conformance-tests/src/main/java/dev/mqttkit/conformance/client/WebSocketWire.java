package dev.mqttkit.conformance.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * MQTT in WebSocket binary frames (MQTT 3.1.1 chapter 6) through the JDK's WebSocket client, seen as a byte stream.
 *
 * <p>Inbound, the JDK hands over frames, or parts of them, through the listener methods; a {@link FrameBuffer} reads
 * their payloads as one bounded stream, asking for the next frame ({@link WebSocket#request}) only while little waits
 * unread. A close frame and a TCP connection that just ends both end the stream: the broker closed the connection. A
 * text frame breaks MQTT-6.0.0-1: the stream ends with a {@link Wire.Violation} and the connection is closed with
 * status 1003, as the rule asks of its recipient.
 *
 * <p>Outbound, each write is one binary frame. The tests of chapter 6 choose frames themselves
 * ({@link #sendFrames}, {@link #sendFragmented}, {@link #sendText}).
 */
final class WebSocketWire implements Wire, WebSocket.Listener {
    /** Unread bytes beyond which no more frames are asked for. */
    static final int BUFFER_LIMIT = 64 * 1024;
    static final int NORMAL_CLOSURE = 1000;
    static final int UNSUPPORTED_DATA = 1003;
    /** How long our close frame may take to leave before the TCP connection is cut anyway. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final String offered;
    private volatile WebSocket socket;
    private final FrameBuffer received = new FrameBuffer(BUFFER_LIMIT, () -> socket.request(1));
    private final Object sending = new Object();
    private final OutputStream out = new Output();

    WebSocketWire(String offered) {
        this.offered = offered;
    }

    /**
     * Opens {@code uri} offering {@code subprotocol}; the opening handshake completes within {@code timeout} or fails.
     *
     * @throws IOException when nothing accepts the connection, or the server refuses or never answers the handshake
     */
    static WebSocketWire open(HttpClient client, URI uri, String subprotocol, Duration timeout) throws IOException {
        WebSocketWire wire = new WebSocketWire(subprotocol);
        CompletableFuture<WebSocket> opening = client.newWebSocketBuilder().subprotocols(subprotocol)
                .connectTimeout(timeout).buildAsync(uri, wire);
        try {
            wire.socket = opening.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return wire;
        } catch (TimeoutException e) {
            opening.thenAccept(WebSocket::abort);
            throw new SocketTimeoutException("the WebSocket opening handshake with " + uri
                    + " did not complete within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            opening.thenAccept(WebSocket::abort);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while opening " + uri);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WebSocketHandshakeException h) {
                throw new IOException("the WebSocket opening handshake was refused with HTTP "
                        + h.getResponse().statusCode(), h);
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(String.valueOf(cause), cause);
        }
    }

    /** The subprotocol this connection offered in its opening handshake. */
    String offered() {
        return offered;
    }

    /** The subprotocol the server selected; empty when it selected none. */
    String selected() {
        return socket.getSubprotocol();
    }

    /** Sends each of {@code frames} as a binary frame of its own (a whole message each). */
    void sendFrames(List<byte[]> frames) throws IOException {
        synchronized (sending) {
            for (byte[] f : frames) {
                await(socket.sendBinary(ByteBuffer.wrap(f), true));
            }
        }
    }

    /** Sends {@code fragments} as one binary message: a binary frame, then continuation frames, the last with FIN. */
    void sendFragmented(List<byte[]> fragments) throws IOException {
        synchronized (sending) {
            for (int i = 0; i < fragments.size(); i++) {
                await(socket.sendBinary(ByteBuffer.wrap(fragments.get(i)), i == fragments.size() - 1));
            }
        }
    }

    /** Sends {@code text} in one text frame, which MQTT-6.0.0-1 forbids: for the test of the broker's reaction. */
    void sendText(String text) throws IOException {
        synchronized (sending) {
            await(socket.sendText(text, true));
        }
    }

    private static void await(CompletableFuture<WebSocket> sent) throws IOException {
        try {
            sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while sending");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(String.valueOf(e.getCause()), e);
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        if (received.add(data)) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (received.end("", new Violation("MQTT-6.0.0-1: the broker sent a WebSocket text frame; MQTT control "
                + "packets travel in binary frames only"))) {
            closeWith(UNSUPPORTED_DATA, "MQTT travels in binary frames [MQTT-6.0.0-1]");
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        received.end(" with WebSocket close status " + statusCode + (reason.isEmpty() ? "" : " (" + reason + ")"),
                null);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        received.end("", error instanceof IOException io ? io : new IOException(String.valueOf(error), error));
    }

    @Override
    public InputStream in() {
        return received.in();
    }

    @Override
    public OutputStream out() {
        return out;
    }

    @Override
    public String endDetail() {
        return received.endDetail();
    }

    @Override
    public Optional<WebSocketWire> webSocket() {
        return Optional.of(this);
    }

    @Override
    public boolean isClosed() {
        return received.ended();
    }

    /**
     * Sends a close frame and cuts the TCP connection once it has left; what was not read yet is dropped. A connection
     * that has ended already is left as it is: the broker's close frame is answered by the JDK, a text frame by
     * {@link #onText}, and a lost connection needs nothing.
     */
    @Override
    public void close() {
        if (received.drop()) {
            closeWith(NORMAL_CLOSURE, "");
        }
    }

    private void closeWith(int status, String reason) {
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        try {
            ws.sendClose(status, reason).orTimeout(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((w, e) -> ws.abort());
        } catch (RuntimeException e) {
            ws.abort();
        }
    }

    /** Each write leaves as one binary frame. */
    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            sendFrames(List.of(Arrays.copyOfRange(b, off, off + len)));
        }
    }
}
