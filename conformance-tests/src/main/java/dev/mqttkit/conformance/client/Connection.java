package dev.mqttkit.conformance.client;

import dev.mqttkit.codec.DecodeResult;
import dev.mqttkit.codec.DecoderOptions;
import dev.mqttkit.codec.MqttDecoder;
import dev.mqttkit.codec.Violation;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One connection to the broker and the thread that reads it. Received bytes are decoded leniently: a rule the broker
 * breaks is recorded as a violation next to the packet, and bytes no reading can get past end the connection with
 * the violation recorded, so a faulty broker becomes a finding rather than a crash of the suite. A broken rule of the
 * carrier itself (a WebSocket text frame) ends it the same way.
 */
final class Connection {
    private final String conn;
    private final Wire wire;
    private final OutputStream out;
    private final Transcript transcript;
    private final DeliveryListener listener;
    private final BlockingQueue<Inbound> inbox = new LinkedBlockingQueue<>();
    private volatile boolean closingByUs;
    private final CountDownLatch readerEnded = new CountDownLatch(1);
    private Inbound.Closed terminal;

    Connection(String conn, Wire wire, ProtocolVersion version, Transcript transcript,
               DeliveryListener listener) throws IOException {
        this.conn = conn;
        this.wire = wire;
        this.out = wire.out();
        this.transcript = transcript;
        this.listener = listener;
        MqttDecoder decoder = new MqttDecoder(DecoderOptions.client(version).asLenient());
        Thread reader = new Thread(() -> readLoop(decoder), "mqtt-reader-" + conn);
        reader.setDaemon(true);
        reader.start();
    }

    /** Writes bytes; a failed write is recorded, and the closure it implies shows up on the next read. */
    void write(byte[] bytes, String summary) {
        transcript.out(conn, bytes, summary);
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            transcript.event(conn, "write failed: " + e.getMessage());
        }
    }

    /** The next event, or null on timeout; once the connection has ended, that end is returned again and again. */
    Inbound poll(Duration timeout) {
        if (terminal != null && inbox.isEmpty()) {
            return terminal;
        }
        try {
            Inbound next = inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (next instanceof Inbound.Closed c) {
                terminal = c;
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    /** Packets received and not yet taken by the test. */
    List<Inbound.Received> unconsumed() {
        List<Inbound.Received> left = new ArrayList<>();
        for (Inbound i : inbox) {
            if (i instanceof Inbound.Received r) {
                left.add(r);
            }
        }
        return left;
    }

    /** Whether the test closed this connection (as opposed to the broker, or not at all). */
    boolean closedByClient() {
        return closingByUs;
    }

    boolean isClosed() {
        return terminal != null || wire.isClosed();
    }

    /** Frame-level access when this connection runs over WebSocket; empty over TCP. */
    Optional<WebSocketControl> webSocket() {
        return wire.webSocket().map(ws -> new WebSocketControl(conn, ws, transcript));
    }

    /**
     * Ends the connection after a DISCONNECT: the broker gets up to {@code settle} to close its side first, so that
     * what the test does next on other connections (publish to the session it just left, say) finds the session
     * offline. Across connections nothing else orders the two; a broker that keeps the socket open is not waited for
     * longer (closing it is only a SHOULD).
     */
    void leave(Duration settle) {
        closingByUs = true;
        try {
            readerEnded.await(settle.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    void close() {
        closingByUs = true;
        wire.close();
    }

    private void readLoop(MqttDecoder decoder) {
        PacketStream stream = new PacketStream();
        try {
            Optional<PacketStream.Unreadable> unreadable = stream.read(wire.in(), decoder, this::received);
            if (unreadable.isEmpty()) {
                ended(closingByUs ? "connection closed by the client"
                        : "connection closed by the broker" + wire.endDetail(), null);
                return;
            }
            Violation v = unreadable.get().violation();
            transcript.in(conn, unreadable.get().bytes(), "malformed packet from the broker", List.of(v.message()));
            ended("the broker sent a malformed packet", v.message());
            close();
        } catch (Wire.Violation v) {
            transcript.in(conn, stream.pending(), "the broker broke the WebSocket transport rules",
                    List.of(v.getMessage()));
            ended("the broker broke the WebSocket transport rules", v.getMessage());
            close();
        } catch (IOException e) {
            ended(closingByUs ? "connection closed by the client"
                    : "connection closed by the broker (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    null);
        }
    }

    private void received(DecodeResult.Decoded d, byte[] bytes) {
        long at = System.nanoTime();
        List<String> violations = d.violations().stream().map(Violation::message).toList();
        transcript.in(conn, bytes, d.packet().summary(), violations);
        if (d.packet() instanceof Publish p) {
            listener.received(conn, p, at);
        }
        inbox.add(new Inbound.Received(d.packet(), violations, at));
    }

    private void ended(String reason, String malformed) {
        if (!closingByUs || malformed != null) {
            transcript.event(conn, reason);
        }
        inbox.add(new Inbound.Closed(reason, !closingByUs, malformed, System.nanoTime()));
        readerEnded.countDown();
    }

}
