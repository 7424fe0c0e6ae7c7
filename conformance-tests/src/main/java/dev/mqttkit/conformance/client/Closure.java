package dev.mqttkit.conformance.client;

import dev.mqttkit.codec.packet.Disconnect;
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

    /**
     * Whether {@code p}, received before the end, only announces it: a DISCONNECT from the broker, which brokers that
     * also speak MQTT 5 send before they close, sometimes, depending on whether the write beats the close. In MQTT 3.1
     * and 3.1.1 only clients send DISCONNECT, but no statement binds the server to that, so it is recorded as what the
     * broker did, never judged as an answer; the transcript keeps its bytes.
     */
    public static boolean announcesClose(Packet p) {
        return p instanceof Disconnect;
    }
}
