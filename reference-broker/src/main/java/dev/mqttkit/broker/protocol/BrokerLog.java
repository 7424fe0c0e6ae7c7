package dev.mqttkit.broker.protocol;

import dev.mqttkit.codec.packet.Packet;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The broker's log, in mosquitto's style: {@code 1511094635: Sending CONNACK to c1 (0, 0)}.
 *
 * <p>Two levels, like mosquitto without and with {@code -v}. By default the log reports what was refused, dropped or
 * went wrong ({@link Event}), at most {@value #LINES_PER_SECOND} lines per second of each kind, so that a flood of one
 * kind cannot bury the others or slow the broker down; the next line of a kind says how many were left out. Verbose
 * adds every connection and packet and logs every event line.
 */
public final class BrokerLog {
    /** The kinds of line logged by default. */
    public enum Event {
        /** Messages dropped because a session's queue was full. */
        DROPPED,
        /** Connections refused: connection limit, CONNACK refusals, WebSocket handshakes without MQTT. */
        REFUSED,
        /** Connections closed for keep-alive or for not sending CONNECT in time. */
        TIMED_OUT,
        /** Connections closed for a protocol violation, malformed or oversized packets included. */
        PROTOCOL_ERROR,
        /** I/O and TLS errors on a connection. */
        SOCKET_ERROR
    }

    /** Default-level lines of one kind logged per second, at most. */
    public static final int LINES_PER_SECOND = 10;
    private static final long SECOND_NANOS = 1_000_000_000L;

    private final Consumer<String> sink;
    private final boolean verbose;
    private final LongSupplier nanoClock;
    private final Map<Event, Window> windows = new EnumMap<>(Event.class);

    /** Lines of one kind in the current one-second window, and how many were left out since the last one logged. */
    private static final class Window {
        long start;
        int logged;
        long suppressed;
    }

    /**
     * @param sink      receives each line; null for silence
     * @param verbose   whether connections and packets are logged too, and events without a rate limit
     * @param nanoClock the clock of the rate limit, {@link System#nanoTime} outside tests
     */
    public BrokerLog(Consumer<String> sink, boolean verbose, LongSupplier nanoClock) {
        this.sink = sink;
        this.verbose = verbose;
        this.nanoClock = nanoClock;
    }

    public BrokerLog(Consumer<String> sink, boolean verbose) {
        this(sink, verbose, System::nanoTime);
    }

    /** Lines that are always logged: listeners opened, faults switched on. */
    public void notice(String message) {
        if (sink != null) {
            sink.accept(System.currentTimeMillis() / 1000 + ": " + message);
        }
    }

    /** A line of the default log: logged unless too many of its kind came in the last second. */
    public void event(Event kind, String message) {
        if (sink == null) {
            return;
        }
        if (verbose) {
            notice(message);
            return;
        }
        long now = nanoClock.getAsLong();
        Window w = windows.computeIfAbsent(kind, k -> new Window());
        if (w.logged == 0 || now - w.start >= SECOND_NANOS) {
            w.start = now;
            w.logged = 0;
        }
        if (w.logged >= LINES_PER_SECOND) {
            w.suppressed++;
            return;
        }
        w.logged++;
        if (w.suppressed > 0) {
            notice(message + " [" + w.suppressed + " similar lines not logged]");
            w.suppressed = 0;
        } else {
            notice(message);
        }
    }

    /** A verbose line: connections opened, accepted and closed. */
    public void info(String message) {
        if (verbose) {
            notice(message);
        }
    }

    /** {@code Received PUBLISH from c1 (d0, q0, ...)} from the packet's summary; verbose only. */
    public void packet(String direction, String preposition, String client, Packet packet) {
        if (!verbose || sink == null) {
            return;
        }
        String summary = packet.summary();
        int space = summary.indexOf(' ');
        String name = space < 0 ? summary : summary.substring(0, space);
        String rest = space < 0 ? "" : summary.substring(space);
        notice(direction + " " + name + " " + preposition + " " + client + rest);
    }
}
