package dev.mqttkit.conformance.clientside;

/**
 * The client did not get through a case's set-up (the driver did not start or connect, or did not subscribe as the
 * driver contract says): the case could not check its statements, which says nothing certain about them.
 */
final class SetupFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SetupFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
