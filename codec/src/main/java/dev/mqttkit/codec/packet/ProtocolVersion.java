package dev.mqttkit.codec.packet;

/**
 * The two protocol versions the kit speaks, identified on the wire by the CONNECT packet's protocol name and level
 * (MQTT 3.1.1 section 3.1.2.1-3.1.2.2; MQTT 3.1 section 3.1).
 */
public enum ProtocolVersion {
    /** IBM/Eurotech MQTT V3.1: protocol name {@code MQIsdp}, level 3. */
    MQTT_3_1("MQIsdp", 3, "3.1"),
    /** OASIS MQTT Version 3.1.1: protocol name {@code MQTT}, level 4. */
    MQTT_3_1_1("MQTT", 4, "3.1.1");

    private final String protocolName;
    private final int level;
    private final String label;

    ProtocolVersion(String protocolName, int level, String label) {
        this.protocolName = protocolName;
        this.level = level;
        this.label = label;
    }

    public String protocolName() {
        return protocolName;
    }

    public int level() {
        return level;
    }

    /** The version as people write it: {@code 3.1} or {@code 3.1.1}. */
    public String label() {
        return label;
    }

    /**
     * Parses {@code 3.1} or {@code 3.1.1} (also {@code mqttv31}, {@code mqttv311}, as mosquitto's tools spell them).
     */
    public static ProtocolVersion fromLabel(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        switch (t) {
            case "3.1", "31", "mqttv31", "mqisdp":
                return MQTT_3_1;
            case "3.1.1", "311", "mqttv311", "mqtt":
                return MQTT_3_1_1;
            default:
                throw new IllegalArgumentException("unknown MQTT protocol version '" + text
                        + "' (expected 3.1 or 3.1.1)");
        }
    }

    @Override
    public String toString() {
        return "MQTT " + label;
    }
}
