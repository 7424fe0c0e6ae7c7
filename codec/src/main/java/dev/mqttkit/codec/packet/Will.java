package dev.mqttkit.codec.packet;

/** The will message carried by a CONNECT (MQTT 3.1.1 section 3.1.2.5). */
public record Will(String topic, Payload message, Qos qos, boolean retain) {
    public Will {
        Checks.notNull("will topic", topic);
        Checks.notNull("will message", message);
        Checks.notNull("will qos", qos);
    }

    String summary() {
        return "w(q" + qos.value() + ", r" + Checks.flag(retain) + ", " + Checks.quote(topic)
                + ", ... (" + message.size() + " bytes))";
    }
}
