package dev.mqttkit.conformance.clientside;

/**
 * The one rule {@link FaultyDriver} breaks when started with {@code --fault NAME}: the client side's counterpart of
 * the reference broker's deliberate faults. Every client case must fail (a SHOULD: warn) against the fault of its
 * statement, and every case must pass against {@link #NONE}.
 */
enum DriverFault {
    NONE(null),
    FIRST_PACKET_NOT_CONNECT("MQTT-3.1.0-1"),
    WILL_QOS_WITHOUT_WILL("MQTT-3.1.2-13"),
    DROPS_WILL("MQTT-3.1.2-9"),
    DROPS_CREDENTIALS("MQTT-3.1.2-19"),
    SUBSCRIBE_FLAGS("MQTT-3.8.1-1"),
    UNSUBSCRIBE_FLAGS("MQTT-3.10.1-1"),
    PACKET_ID_ZERO("MQTT-2.3.1-1"),
    PACKET_ID_REUSED("MQTT-2.3.1-2"),
    NEW_ID_ON_RESEND("MQTT-2.3.1-3"),
    NO_DUP_ON_RESEND("MQTT-3.3.1-1"),
    NO_RESEND("MQTT-4.4.0-1"),
    RESEND_OUT_OF_ORDER("MQTT-4.6.0-1"),
    KEEPS_STATE_ON_CLEAN_SESSION("MQTT-3.1.2-6"),
    PUBACK_WRONG_ID("MQTT-2.3.1-6"),
    PUBACK_FLAGS("MQTT-2.2.2-1"),
    NO_PUBACK("MQTT-4.3.2-2"),
    ANSWERS_QOS0("MQTT-3.3.4-1"),
    PUBACK_FOR_QOS2("MQTT-4.3.3-2"),
    DELIVERS_QOS2_TWICE("MQTT-4.3.3-2"),
    IGNORES_UNSUBSCRIBED("MQTT-4.5.0-2"),
    PUBACKS_OUT_OF_ORDER("MQTT-4.6.0-2"),
    PUBRECS_OUT_OF_ORDER("MQTT-4.6.0-3"),
    PUBRELS_OUT_OF_ORDER("MQTT-4.6.0-4"),
    PUBREL_FLAGS("MQTT-3.6.1-1"),
    QOS0_WITH_DUP("MQTT-3.3.1-2"),
    FIRST_SEND_WITH_DUP("MQTT-4.3.2-1"),
    LATE_PINGS("MQTT-3.1.2-23"),
    KEEPS_WAITING_FOR_PINGRESP("MQTT-3.1.2.10"),
    NO_CLOSE_AFTER_DISCONNECT("MQTT-3.14.4-1"),
    SENDS_AFTER_DISCONNECT("MQTT-3.14.4-2"),
    WILDCARD_IN_TOPIC("MQTT-3.3.2-2"),
    BAD_UTF8("MQTT-1.5.3-1"),
    STRIPS_BOM("MQTT-1.5.3-3"),
    KEEPS_CONNECTION_ON_MALFORMED("MQTT-4.8.0-1");

    private final String statement;

    DriverFault(String statement) {
        this.statement = statement;
    }

    /** The statement the fault breaks; null for {@link #NONE}. */
    String statement() {
        return statement;
    }
}
