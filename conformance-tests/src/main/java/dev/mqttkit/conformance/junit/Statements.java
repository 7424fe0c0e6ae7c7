package dev.mqttkit.conformance.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The normative statements a conformance test checks, by their ids in the catalogue ({@code MQTT-3.1.0-2}, or
 * {@code MQTTv3.1-3.1-2} for the MQTT 3.1 differences). Coverage, {@code mqtt.only} and the level the test is
 * reported at (the strongest of its statements) are computed from these declarations.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Statements {
    String[] value();
}
