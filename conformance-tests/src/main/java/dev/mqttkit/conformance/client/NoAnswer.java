package dev.mqttkit.conformance.client;

import org.opentest4j.AssertionFailedError;

/**
 * The broker did not answer: a wait timed out, or the connection closed while the test waited for a packet. Unlike a
 * wrong answer this says nothing certain about the statement under test when the broker has stopped answering
 * altogether; the suite then checks the broker's liveness before it calls the test a failure.
 */
public final class NoAnswer extends AssertionFailedError {
    private static final long serialVersionUID = 1L;

    NoAnswer(String message) {
        super(message);
    }
}
