package dev.mqttkit.conformance.client;

import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;

/** A PUBLISH matcher with fluent field checks. */
public final class PublishMatcher extends PacketMatcher<Publish> {
    PublishMatcher() {
        super(Publish.class, "PUBLISH");
    }

    public PublishMatcher topic(String topic) {
        and("topic '" + topic + "'", p -> p.topic().equals(topic));
        return this;
    }

    public PublishMatcher qos(Qos qos) {
        and("qos " + qos.value(), p -> p.qos() == qos);
        return this;
    }

    public PublishMatcher qos(int qos) {
        return qos(Qos.of(qos));
    }

    public PublishMatcher retain(boolean retain) {
        and("retain " + (retain ? 1 : 0), p -> p.retain() == retain);
        return this;
    }

    public PublishMatcher dup(boolean dup) {
        and("dup " + (dup ? 1 : 0), p -> p.dup() == dup);
        return this;
    }

    public PublishMatcher packetId(int id) {
        and("id " + id, p -> p.packetId() == id);
        return this;
    }

    public PublishMatcher payload(Payload payload) {
        and("payload of " + payload.size() + " bytes '" + abbreviate(payload.asUtf8()) + "'",
                p -> p.payload().equals(payload));
        return this;
    }

    public PublishMatcher payload(String utf8) {
        return payload(Payload.utf8(utf8));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
