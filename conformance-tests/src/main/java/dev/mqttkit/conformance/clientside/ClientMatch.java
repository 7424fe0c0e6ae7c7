package dev.mqttkit.conformance.clientside;

import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Disconnect;
import dev.mqttkit.codec.packet.Subscribe;
import dev.mqttkit.codec.packet.Unsubscribe;
import dev.mqttkit.conformance.client.PacketMatcher;

/**
 * Matchers for the packets only a client sends; those both sides send (PUBLISH, PUBACK, PUBREC, PUBREL, PUBCOMP)
 * come from {@link dev.mqttkit.conformance.client.Match}.
 */
public final class ClientMatch {
    private ClientMatch() {
    }

    public static PacketMatcher<Connect> connect() {
        return new PacketMatcher<>(Connect.class, "CONNECT");
    }

    /** The CONNECT a driver sends for {@code o}: its client id, CleanSession, keep-alive and protocol version. */
    public static PacketMatcher<Connect> connect(DriverOptions o) {
        return connect().and("client id '" + o.clientId() + "'", c -> c.clientId().equals(o.clientId()))
                .and("clean session " + (o.cleanSession() ? 1 : 0), c -> c.cleanSession() == o.cleanSession())
                .and("keep alive " + o.keepAliveSeconds(), c -> c.keepAliveSeconds() == o.keepAliveSeconds())
                .and("protocol " + o.version().label(), c -> c.version() == o.version());
    }

    public static PacketMatcher<Subscribe> subscribe() {
        return new PacketMatcher<>(Subscribe.class, "SUBSCRIBE");
    }

    /** A SUBSCRIBE that asks for the driver's filter at its QoS (with other filters or not). */
    public static PacketMatcher<Subscribe> subscribe(DriverOptions o) {
        return subscribe().and("filter '" + o.filter() + "' at qos " + o.qos().value(), s -> s.subscriptions()
                .stream().anyMatch(x -> x.filter().equals(o.filter()) && x.qos() == o.qos()));
    }

    /** An UNSUBSCRIBE of the driver's filter (with other filters or not). */
    public static PacketMatcher<Unsubscribe> unsubscribe(DriverOptions o) {
        return new PacketMatcher<>(Unsubscribe.class, "UNSUBSCRIBE").and("filter '" + o.filter() + "'",
                u -> u.filters().contains(o.filter()));
    }

    public static PacketMatcher<Disconnect> disconnect() {
        return new PacketMatcher<>(Disconnect.class, "DISCONNECT");
    }
}
