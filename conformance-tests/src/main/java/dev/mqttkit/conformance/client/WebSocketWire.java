package dev.mqttkit.conformance.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * MQTT in WebSocket binary frames (MQTT 3.1.1 chapter 6) through the JDK's WebSocket client, seen as a byte stream.
 *
 * <p>Inbound, the JDK hands over frames, or parts of them, through the listener methods; their payloads are queued in
 * order and read as one stream, so a packet may span frames and a frame may hold several packets: the receiver must
 * not assume they line up [MQTT-6.0.0-2]. The queue is bounded: once {@link #BUFFER_LIMIT} bytes wait unread, no
 * further frame is requested ({@link WebSocket#request}) until the reader catches up, so a broker that sends faster
 * than the test reads is held back by TCP, exactly as over a plain socket. A close frame and a TCP connection that
 * just ends both end the stream: the broker closed the connection. A text frame breaks MQTT-6.0.0-1: the stream ends
 * with a {@link Wire.Violation} and the connection is closed with status 1003, as the rule asks of its recipient.
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
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<ByteBuffer> unread = new ArrayDeque<>();
    private final Object sending = new Object();
    private final InputStream in = new Input();
    private final OutputStream out = new Output();
    private int buffered;
    private boolean demandWithheld;
    private End end;
    private volatile WebSocket socket;

    /** Why the stream ended: {@code detail} for the transcript, and the failure a read then throws (null: -1). */
    private record End(String detail, IOException failure) {
    }

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
            throw new java.net.SocketTimeoutException("the WebSocket opening handshake with " + uri
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
        ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
        boolean more;
        lock.lock();
        try {
            if (end == null && copy.hasRemaining()) {
                unread.addLast(copy);
                buffered += copy.remaining();
                changed.signalAll();
            }
            more = buffered < BUFFER_LIMIT;
            demandWithheld = !more;
        } finally {
            lock.unlock();
        }
        if (more) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (finish(new End("", new Violation("MQTT-6.0.0-1: the broker sent a WebSocket text frame; MQTT control "
                + "packets travel in binary frames only")))) {
            closeWith(UNSUPPORTED_DATA, "MQTT travels in binary frames [MQTT-6.0.0-1]");
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        finish(new End(" with WebSocket close status " + statusCode + (reason.isEmpty() ? "" : " (" + reason + ")"),
                null));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        finish(new End("", error instanceof IOException io ? io : new IOException(String.valueOf(error), error)));
    }

    /** Ends the stream for {@code why} unless it has ended already; whether it did. */
    private boolean finish(End why) {
        lock.lock();
        try {
            changed.signalAll();
            if (end != null) {
                return false;
            }
            end = why;
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public InputStream in() {
        return in;
    }

    @Override
    public OutputStream out() {
        return out;
    }

    @Override
    public String endDetail() {
        lock.lock();
        try {
            return end == null ? "" : end.detail();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<WebSocketWire> webSocket() {
        return Optional.of(this);
    }

    @Override
    public boolean isClosed() {
        lock.lock();
        try {
            return end != null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends a close frame and cuts the TCP connection once it has left; what was not read yet is dropped. A connection
     * that has ended already is left as it is: the broker's close frame is answered by the JDK, a text frame by
     * {@link #onText}, and a lost connection needs nothing.
     */
    @Override
    public void close() {
        boolean open;
        lock.lock();
        try {
            open = end == null;
            if (open) {
                end = new End("", null);
            }
            unread.clear();
            buffered = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (open) {
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

    /** Reads what the frames carried, in order, across frame boundaries. */
    private final class Input extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n;
            boolean askForMore;
            lock.lock();
            try {
                while (unread.isEmpty() && end == null) {
                    changed.await();
                }
                if (unread.isEmpty()) {
                    if (end.failure() != null) {
                        throw end.failure();
                    }
                    return -1;
                }
                ByteBuffer head = unread.peekFirst();
                n = Math.min(len, head.remaining());
                head.get(b, off, n);
                if (!head.hasRemaining()) {
                    unread.removeFirst();
                }
                buffered -= n;
                askForMore = demandWithheld && buffered < BUFFER_LIMIT;
                demandWithheld &= !askForMore;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading");
            } finally {
                lock.unlock();
            }
            if (askForMore) {
                socket.request(1);
            }
            return n;
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
