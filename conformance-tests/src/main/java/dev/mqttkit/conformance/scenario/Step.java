package dev.mqttkit.conformance.scenario;

import dev.mqttkit.codec.packet.Qos;
import java.util.List;

/**
 * One line of a scenario: which client does what. Every step is fully checked when the script is read.
 * {@code checks} are the statements a failure of this step breaks, when the line names them ({@code [MQTT-...]});
 * otherwise all of the scenario's.
 */
sealed interface Step {
    int line();

    String client();

    /** The line as written, for messages. */
    String text();

    List<String> checks();

    /** {@code connect [clean|persistent] [k=N] [will q=N r=0|1 'topic' "message"] [sp=0|1] [rc=N]}. */
    record Connect(int line, String client, String text, List<String> checks, boolean clean, int keepAlive,
                   Will will, Integer sessionPresent, int returnCode) implements Step {
    }

    /** The will of a {@code connect} step; the topic is relative to the test's root. */
    record Will(String topic, String message, Qos qos, boolean retain) {
    }

    record Send(int line, String client, String text, List<String> checks, PacketSpec packet) implements Step {
    }

    /**
     * The next packets must match; consecutive {@code expect} lines of one client form a group whose packets may
     * arrive in any order the specification allows.
     */
    record Expect(int line, String client, String text, List<String> checks, PacketSpec packet) implements Step {
    }

    /** Nothing arrives: a fence on the client's connection, then the run's quiet period. */
    record ExpectNothing(int line, String client, String text, List<String> checks) implements Step {
    }

    /** The broker closes the client's connection without sending anything. */
    record ExpectClosed(int line, String client, String text, List<String> checks) implements Step {
    }

    /** DISCONNECT, then close the socket. */
    record Disconnect(int line, String client, String text, List<String> checks) implements Step {
    }

    /** Close the socket without DISCONNECT: an abnormal end, so the will fires. */
    record Drop(int line, String client, String text, List<String> checks) implements Step {
    }
}
