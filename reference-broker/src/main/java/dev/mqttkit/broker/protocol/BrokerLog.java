package dev.mqttkit.broker.protocol;

import dev.mqttkit.codec.packet.Packet;
import java.util.function.Consumer;

/** Verbose log lines in mosquitto's style: {@code 1511094635: Sending CONNACK to c1 (0, 0)}. */
public final class BrokerLog {
    private final Consumer<String> sink;

    public BrokerLog(Consumer<String> sink) {
        this.sink = sink;
    }

    public boolean enabled() {
        return sink != null;
    }

    public void line(String message) {
        if (sink != null) {
            sink.accept(System.currentTimeMillis() / 1000 + ": " + message);
        }
    }

    /** {@code Received PUBLISH from c1 (d0, q0, ...)} from the packet's summary {@code PUBLISH (d0, q0, ...)}. */
    public void packet(String direction, String preposition, String client, Packet packet) {
        if (sink == null) {
            return;
        }
        String summary = packet.summary();
        int space = summary.indexOf(' ');
        String name = space < 0 ? summary : summary.substring(0, space);
        String rest = space < 0 ? "" : summary.substring(space);
        line(direction + " " + name + " " + preposition + " " + client + rest);
    }
}
