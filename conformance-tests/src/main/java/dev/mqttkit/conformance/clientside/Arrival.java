package dev.mqttkit.conformance.clientside;

import dev.mqttkit.codec.Violation;
import dev.mqttkit.codec.packet.Packet;
import java.util.List;

/** What the reader of a client's connection hands to the test: a packet the client sent, or the end of it. */
sealed interface Arrival {

    /** When the reader saw it, in {@link System#nanoTime()}. */
    long atNanos();

    /** A packet and the rules its bytes break (read leniently, so the finding names the rule). */
    record Received(Packet packet, List<Violation> violations, long atNanos) implements Arrival {
    }

    /**
     * The connection ended.
     *
     * @param byClient  true when the client closed it (or the socket failed), false when the scripted broker did
     * @param malformed the rule the client's unreadable bytes broke, or null
     */
    record Closed(String reason, boolean byClient, Violation malformed, long atNanos) implements Arrival {
    }
}
