package dev.mqttkit.broker.config;

/** A configuration or password file the broker cannot use; the message names the file and line. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
