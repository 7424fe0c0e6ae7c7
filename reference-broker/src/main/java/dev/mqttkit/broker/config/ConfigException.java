package dev.mqttkit.broker.config;

/** A configuration or password file the broker cannot use; the message names the file and line. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
