package dev.mqttkit.contract;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Looks settings up: the property source first (system properties, or a launcher's configuration parameters), then
 * the environment, then the {@link Setting}'s default. Blank values count as unset.
 */
public final class Settings {
    private final Function<String, String> properties;
    private final Map<String, String> environment;

    public Settings(Function<String, String> properties, Map<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** System properties and the process environment. */
    public static Settings fromSystem() {
        return new Settings(System::getProperty, System.getenv());
    }

    /** The value given by a property or environment variable, without the default. */
    public Optional<String> given(Setting setting) {
        String v = properties.apply(setting.property());
        if (v == null || v.isBlank()) {
            v = environment.get(setting.environmentVariable());
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** The value given, else the default; null when neither exists. */
    public String get(Setting setting) {
        return given(setting).orElse(setting.defaultValue());
    }
}
