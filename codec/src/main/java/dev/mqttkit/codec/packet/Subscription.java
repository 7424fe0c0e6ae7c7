package dev.mqttkit.codec.packet;

/** One topic filter and requested QoS of a SUBSCRIBE (MQTT 3.1.1 section 3.8.3). */
public record Subscription(String filter, Qos qos) {
    public Subscription {
        Checks.notNull("filter", filter);
        Checks.notNull("qos", qos);
    }
}
