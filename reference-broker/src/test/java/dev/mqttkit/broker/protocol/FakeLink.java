package dev.mqttkit.broker.protocol;

import dev.mqttkit.codec.packet.Packet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** A {@link Link} that records what the engine sends, for tests without sockets. */
final class FakeLink implements Link {
    final ArrayDeque<Packet> sent = new ArrayDeque<>();
    boolean closed;
    boolean writable = true;
    long keepAliveMillis = -1;

    @Override
    public void send(Packet packet) {
        if (closed) {
            throw new AssertionError("send after close: " + packet.summary());
        }
        sent.add(packet);
    }

    @Override
    public boolean writable() {
        return writable;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void expectTrafficWithin(long millis) {
        keepAliveMillis = millis;
    }

    @Override
    public String remoteHost() {
        return "127.0.0.1";
    }

    List<Packet> drain() {
        List<Packet> out = new ArrayList<>(sent);
        sent.clear();
        return out;
    }
}
