package dev.mqttkit.conformance.client;

import dev.mqttkit.codec.packet.Packet;
import java.util.List;

/**
 * How a connection the broker should close ended: the packets received first (some rules allow a CONNACK before
 * closing), whether the broker closed it within the wait and when its reader saw the end, and the broker's
 * unreadable bytes if those ended it.
 *
 * @param closedAtNanos {@link System#nanoTime()} when the end was read, or 0 when the connection is still open
 */
public record Closure(List<Packet> before, boolean closed, String malformed, long closedAtNanos) {
}
