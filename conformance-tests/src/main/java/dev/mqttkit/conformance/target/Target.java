package dev.mqttkit.conformance.target;

import dev.mqttkit.conformance.client.Endpoint;

/**
 * A broker under test: the embedded reference broker, one reached by URL, or one in a container. The suite sees
 * every broker only through this interface, so no test can lean on a broker's internals.
 */
public interface Target extends AutoCloseable {

    Endpoint endpoint();

    /** The report folder name, e.g. {@code reference-broker} or {@code 127.0.0.1-1883}. */
    String name();

    /** One line for people, e.g. "embedded reference broker at 127.0.0.1:40123". */
    String description();

    /** The container image, or null when the broker does not run in a container. */
    default String image() {
        return null;
    }

    /**
     * The broker's name and version when the target knows them without asking the broker (the embedded reference
     * broker), else null: then the suite asks the broker itself.
     */
    default String broker() {
        return null;
    }

    /** Stops what the target started; a URL target started nothing. */
    @Override
    default void close() {
    }
}
