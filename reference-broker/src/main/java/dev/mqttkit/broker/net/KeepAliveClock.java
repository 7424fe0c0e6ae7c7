package dev.mqttkit.broker.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The keep-alive clock of one connection [MQTT-3.1.2-24]: it expires when nothing has been read from the client for
 * the deadline the protocol engine set.
 *
 * <p>Back-pressure must never become a verdict against the client. While a connection's output is above the
 * high-water mark the broker stops reading it, and then "nothing read" no longer means "nothing sent": the client's
 * PINGREQs may be waiting unread in the socket. So when the deadline passes while reading is suspended, the clock
 * first looks: it asks for one read (Netty's manual read, at most one receive buffer, whose acknowledgements add a
 * bounded amount to the output) and decides {@link #PROBE_GRACE_MILLIS} later. A client whose bytes arrive is not
 * silent and keeps its connection, its clock restarting from that read; one from which nothing arrives is closed.
 * Since bytes that waited unread count from when they are read, a client that falls silent while not being read is
 * closed at most one deadline plus the grace later than it would have been if read: late rather than wrong.
 */
final class KeepAliveClock {
    /** How long a probe read may take to deliver bytes already waiting in the socket. */
    static final long PROBE_GRACE_MILLIS = 500;

    private final ChannelHandlerContext ctx;
    private final Runnable expired;
    private long deadlineNanos;
    private long lastReadNanos = System.nanoTime();
    private boolean probing;
    private ScheduledFuture<?> timer;

    /** @param expired called on the event loop when the client was silent for the whole deadline */
    KeepAliveClock(ChannelHandlerContext ctx, Runnable expired) {
        this.ctx = ctx;
        this.expired = expired;
    }

    /** Bytes arrived from the client. */
    void bytesRead() {
        lastReadNanos = System.nanoTime();
        probing = false;
    }

    /** Expires after {@code millis} without bytes from the client; 0 stops the clock. */
    void expectTrafficWithin(long millis) {
        stop();
        deadlineNanos = TimeUnit.MILLISECONDS.toNanos(millis);
        if (millis > 0) {
            schedule(deadlineNanos);
        }
    }

    void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void schedule(long delayNanos) {
        timer = ctx.executor().schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check() {
        timer = null;
        long idle = System.nanoTime() - lastReadNanos;
        if (idle < deadlineNanos) {
            schedule(deadlineNanos - idle);
        } else if (!ctx.channel().config().isAutoRead() && !probing) {
            probing = true;
            ctx.read();
            schedule(TimeUnit.MILLISECONDS.toNanos(PROBE_GRACE_MILLIS));
        } else {
            expired.run();
        }
    }
}
