package dev.mqttkit.conformance.client;

import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Pingresp;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Pubcomp;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Unsuback;
import java.util.List;

/** Matchers for the packets a broker sends, named like the packets: {@code Match.puback(7)}. */
public final class Match {
    private Match() {
    }

    public static PacketMatcher<Packet> any() {
        return new PacketMatcher<>(Packet.class, "any packet");
    }

    public static PacketMatcher<Connack> connack() {
        return new PacketMatcher<>(Connack.class, "CONNACK");
    }

    public static PacketMatcher<Connack> connack(int returnCode) {
        return connack().and("return code " + returnCode, c -> c.returnCode() == returnCode);
    }

    public static PacketMatcher<Connack> connack(boolean sessionPresent, int returnCode) {
        return connack(returnCode).and("session present " + (sessionPresent ? 1 : 0),
                c -> c.sessionPresent() == sessionPresent);
    }

    /** Any PUBLISH, whatever its topic. */
    public static PublishMatcher anyPublish() {
        return new PublishMatcher();
    }

    public static PublishMatcher publish(String topic) {
        return new PublishMatcher().topic(topic);
    }

    public static PacketMatcher<Puback> puback(int id) {
        return new PacketMatcher<>(Puback.class, "PUBACK").and("id " + id, p -> p.packetId() == id);
    }

    public static PacketMatcher<Pubrec> pubrec(int id) {
        return new PacketMatcher<>(Pubrec.class, "PUBREC").and("id " + id, p -> p.packetId() == id);
    }

    public static PacketMatcher<Pubrel> pubrel(int id) {
        return new PacketMatcher<>(Pubrel.class, "PUBREL").and("id " + id, p -> p.packetId() == id);
    }

    public static PacketMatcher<Pubcomp> pubcomp(int id) {
        return new PacketMatcher<>(Pubcomp.class, "PUBCOMP").and("id " + id, p -> p.packetId() == id);
    }

    public static PacketMatcher<Suback> suback(int id) {
        return new PacketMatcher<>(Suback.class, "SUBACK").and("id " + id, p -> p.packetId() == id);
    }

    public static PacketMatcher<Suback> suback(int id, Integer... codes) {
        List<Integer> expected = List.of(codes);
        return suback(id).and("return codes " + expected, s -> s.returnCodes().equals(expected));
    }

    public static PacketMatcher<Unsuback> unsuback(int id) {
        return new PacketMatcher<>(Unsuback.class, "UNSUBACK").and("id " + id, p -> p.packetId() == id);
    }

    public static PacketMatcher<Pingresp> pingresp() {
        return new PacketMatcher<>(Pingresp.class, "PINGRESP");
    }
}
