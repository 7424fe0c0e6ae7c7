package dev.mqttkit.codec.packet;

/**
 * One MQTT control packet (MQTT 3.1.1 chapter 3).
 *
 * <p>Packet records accept every value the wire can carry, including values the specification forbids a sender to send
 * (a packet id of 0, a wildcard in a PUBLISH topic, an unknown SUBACK code): the lenient decoder must be able to
 * represent what a faulty peer actually sent. What a record refuses is only what no byte sequence could mean (a packet
 * id above 65535, a null topic). The rules of the specification live in one place, {@code dev.mqttkit.codec.Rule},
 * enforced by the strict decoder and by the encoder.
 */
public sealed interface Packet
        permits Connect, Connack, Publish, PacketIdOnly, Subscribe, Suback, Unsubscribe, Pingreq, Pingresp, Disconnect {

    PacketType type();

    /**
     * A one-line description in the style of mosquitto's verbose log, e.g.
     * {@code PUBLISH (d0, q1, r0, m7, 'a/b', ... (11 bytes))}. Control characters are escaped, so a summary is
     * always one printable line.
     */
    String summary();
}
