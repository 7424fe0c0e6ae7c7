package dev.mqttkit.codec.packet;

import java.util.List;

/**
 * SUBACK (MQTT 3.1.1 section 3.9). Return codes are numbers: 0, 1 or 2 for the granted QoS, {@link #FAILURE} (3.1.1
 * only), anything else kept so that a lenient decode can report it.
 */
public record Suback(int packetId, List<Integer> returnCodes) implements Packet {
    public static final int FAILURE = 0x80;

    public Suback {
        Checks.packetId(packetId);
        returnCodes = List.copyOf(Checks.notNull("returnCodes", returnCodes));
        for (int code : returnCodes) {
            Checks.u8("return code", code);
        }
    }

    public static Suback of(int packetId, Integer... codes) {
        return new Suback(packetId, List.of(codes));
    }

    @Override
    public PacketType type() {
        return PacketType.SUBACK;
    }

    @Override
    public String summary() {
        return "SUBACK (m" + packetId + ", " + returnCodes + ")";
    }
}
