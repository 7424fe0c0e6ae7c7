package dev.mqttkit.conformance.client;

import dev.mqttkit.codec.packet.Payload;

/**
 * What the clients of one test share: where the broker listens, the test's transcript and waits, the credentials of
 * every default CONNECT, who hears about the messages they send and receive, and the run's measure of how fast the
 * broker delivers.
 */
public record ClientContext(Endpoint endpoint, Transcript transcript, Timeouts timeouts, Credentials credentials,
                            DeliveryListener listener, DeliveryLatency latency) {

    /** A user name (null for none) and password (null for none) for the default CONNECT. */
    public record Credentials(String userName, Payload password) {
        public static final Credentials NONE = new Credentials(null, null);

        public static Credentials of(String userName, String password) {
            return new Credentials(userName, password == null ? null : Payload.utf8(password));
        }
    }

    /** A context of its own for a client outside any test: probes, tools and the client's own tests. */
    public static ClientContext standalone(Endpoint endpoint, Timeouts timeouts, Credentials credentials) {
        return new ClientContext(endpoint, new Transcript(), timeouts, credentials, DeliveryListener.NONE,
                new DeliveryLatency(timeouts));
    }
}
