package dev.mqttkit.conformance.client;

import dev.mqttkit.codec.packet.Packet;
import java.util.List;

/**
 * How a connection the broker should close ended: the packets received first (some rules allow a CONNACK before
 * closing), whether the broker closed it within the wait, and the broker's unreadable bytes if those ended it.
 */
public record Closure(List<Packet> before, boolean closed, String malformed) {
}
