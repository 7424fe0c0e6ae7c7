package dev.mqttkit.broker.protocol;

import dev.mqttkit.broker.session.SessionLimits;
import java.util.Map;

/**
 * What the protocol engine is started with.
 *
 * @param log       where log lines go
 * @param passwords user name to password; null when clients are not authenticated
 * @param limits    the bounds of every session's window and queue
 * @param faults    the deliberate deviations; {@link FaultPolicy#CONFORMING} in normal use
 */
public record EngineSettings(BrokerLog log, Map<String, String> passwords, SessionLimits limits, FaultPolicy faults) {
    public EngineSettings {
        if (log == null || limits == null || faults == null) {
            throw new IllegalArgumentException("log, limits and faults must not be null");
        }
        passwords = passwords == null ? null : Map.copyOf(passwords);
    }
}
