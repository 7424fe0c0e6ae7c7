package dev.mqttkit.codec.packet;

/** The acknowledgements whose variable header is a packet identifier and nothing else. */
public sealed interface PacketIdOnly extends Packet permits Puback, Pubrec, Pubrel, Pubcomp, Unsuback {
    int packetId();
}
