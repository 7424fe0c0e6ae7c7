package dev.mqttkit.conformance.client;

import java.time.Duration;

/**
 * Every wait of the suite, already multiplied by {@code mqtt.timeout.scale}.
 *
 * @param expect  how long a test waits for a packet it expects (a local broker answers in microseconds)
 * @param closure how long a test waits for the broker to close a connection it must close
 * @param connect the TCP (and TLS) connect timeout
 * @param scale   the factor, for waits a test computes itself (keep-alive)
 */
public record Timeouts(Duration expect, Duration closure, Duration connect, double scale) {

    public static Timeouts scaledBy(double scale) {
        return new Timeouts(scale(Duration.ofSeconds(3), scale), scale(Duration.ofSeconds(2), scale),
                scale(Duration.ofSeconds(5), scale), scale);
    }

    public Duration scaled(Duration base) {
        return scale(base, scale);
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofNanos((long) (d.toNanos() * factor));
    }
}
