package dev.mqttkit.conformance.client;

import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Publish;

/**
 * Hears about the messages a test's clients exchange: enough to measure how fast the broker delivers, to know which
 * retained messages a test stored, and to name which of the allowed orders the broker chose.
 */
public interface DeliveryListener {
    DeliveryListener NONE = new DeliveryListener() {
    };

    /** A client wrote {@code packet} at {@code nanos} ({@link System#nanoTime()}). */
    default void sent(String conn, Packet packet, long nanos) {
    }

    /** A client's reader received {@code publish} at {@code nanos}. */
    default void received(String conn, Publish publish, long nanos) {
    }

    /** {@code early} arrived while the client waited for {@code awaited}, which the specification allows. */
    default void arrivedEarly(String conn, Packet early, String awaited) {
    }

    /** Tells both listeners, {@code first} first. */
    static DeliveryListener both(DeliveryListener first, DeliveryListener second) {
        return new DeliveryListener() {
            @Override
            public void sent(String conn, Packet packet, long nanos) {
                first.sent(conn, packet, nanos);
                second.sent(conn, packet, nanos);
            }

            @Override
            public void received(String conn, Publish publish, long nanos) {
                first.received(conn, publish, nanos);
                second.received(conn, publish, nanos);
            }

            @Override
            public void arrivedEarly(String conn, Packet early, String awaited) {
                first.arrivedEarly(conn, early, awaited);
                second.arrivedEarly(conn, early, awaited);
            }
        };
    }
}
