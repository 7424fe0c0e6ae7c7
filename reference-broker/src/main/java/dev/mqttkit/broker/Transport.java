package dev.mqttkit.broker;

/** What carries MQTT's byte stream on a listener; either may run over TLS. */
public enum Transport {
    /** MQTT straight over TCP (MQTT 3.1.1 section 4.2), {@code mqtt://} or, with TLS, {@code mqtts://}. */
    TCP,
    /**
     * MQTT in WebSocket binary frames (MQTT 3.1.1 chapter 6), {@code ws://} or, with TLS, {@code wss://}: subprotocol
     * {@code mqtt}, or {@code mqttv3.1} for MQTT 3.1 clients; any path.
     */
    WEBSOCKET
}
