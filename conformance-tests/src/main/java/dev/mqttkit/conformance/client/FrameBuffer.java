package dev.mqttkit.conformance.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The payloads of received WebSocket frames, in order, read as one stream: where one frame ends means nothing to the
 * reader, so a packet may span frames and a frame may hold several packets [MQTT-6.0.0-2]. Bounded: once
 * {@code limit} bytes wait unread, the next frame is not asked for until the reader has caught up, so a sender faster
 * than the reader is held back (by TCP, under the WebSocket), as with a plain socket.
 */
final class FrameBuffer {
    private final int limit;
    private final Runnable askForNextFrame;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<ByteBuffer> unread = new ArrayDeque<>();
    private final InputStream in = new Input();
    private int buffered;
    private boolean demandWithheld;
    private End end;

    /** Why the stream ended: {@code detail} for the transcript, and what a read then throws (null: it returns -1). */
    private record End(String detail, IOException failure) {
    }

    /**
     * @param limit           unread bytes beyond which no further frame is asked for
     * @param askForNextFrame asks the sender for one more frame; called when a withheld request is due
     */
    FrameBuffer(int limit, Runnable askForNextFrame) {
        this.limit = limit;
        this.askForNextFrame = askForNextFrame;
    }

    /** Copies a frame's payload (or part of one) in; whether the next frame may be asked for at once. */
    boolean add(ByteBuffer payload) {
        ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
        lock.lock();
        try {
            if (end == null && copy.hasRemaining()) {
                unread.addLast(copy);
                buffered += copy.remaining();
                changed.signalAll();
            }
            demandWithheld = buffered >= limit;
            return !demandWithheld;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the stream after what was added so far, unless it has ended already: reads then return -1, or throw
     * {@code failure} when it is set. Whether this ended it.
     */
    boolean end(String detail, IOException failure) {
        lock.lock();
        try {
            changed.signalAll();
            if (end != null) {
                return false;
            }
            end = new End(detail, failure);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the stream at once, dropping what was not read, as closing a socket does; whether it was still open. */
    boolean drop() {
        lock.lock();
        try {
            unread.clear();
            buffered = 0;
            return end("", null);
        } finally {
            lock.unlock();
        }
    }

    boolean ended() {
        lock.lock();
        try {
            return end != null;
        } finally {
            lock.unlock();
        }
    }

    /** How the stream ended, e.g. " with WebSocket close status 1000"; empty while it is open. */
    String endDetail() {
        lock.lock();
        try {
            return end == null ? "" : end.detail();
        } finally {
            lock.unlock();
        }
    }

    InputStream in() {
        return in;
    }

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
            boolean due;
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
                due = demandWithheld && buffered < limit;
                demandWithheld &= !due;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading");
            } finally {
                lock.unlock();
            }
            if (due) {
                askForNextFrame.run();
            }
            return n;
        }
    }
}
