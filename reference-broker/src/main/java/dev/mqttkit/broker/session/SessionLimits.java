package dev.mqttkit.broker.session;

/**
 * The bounds every session keeps (see the drop policy in reference-broker/README.md).
 *
 * @param maxInflight QoS 1 and 2 messages sent and not yet acknowledged, at most
 * @param maxQueued   messages waiting for room in the window or the connection, at most; newer ones are dropped
 */
public record SessionLimits(int maxInflight, int maxQueued) {
    public SessionLimits {
        if (maxInflight < 1 || maxInflight > 65535) {
            throw new IllegalArgumentException("maxInflight must be 1..65535 but was " + maxInflight);
        }
        if (maxQueued < 1) {
            throw new IllegalArgumentException("maxQueued must be at least 1 but was " + maxQueued);
        }
    }
}
