package dev.mqttkit.conformance.client;

import dev.mqttkit.codec.packet.Packet;
import java.util.List;

/** What a client's reader thread hands to the test thread: a packet, or the end of the connection. */
sealed interface Inbound {

    /** When the reader saw it, in {@link System#nanoTime()}. */
    long atNanos();

    /** A decoded packet and the rules it breaks (a lenient decode records them instead of failing). */
    record Received(Packet packet, List<String> violations, long atNanos) implements Inbound {
    }

    /**
     * The connection ended.
     *
     * @param byBroker  false when the test closed it
     * @param malformed the broker's unreadable bytes that ended it, or null
     */
    record Closed(String reason, boolean byBroker, String malformed, long atNanos) implements Inbound {
    }
}
