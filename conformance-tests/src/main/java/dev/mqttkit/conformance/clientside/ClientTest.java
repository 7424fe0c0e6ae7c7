package dev.mqttkit.conformance.clientside;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;

/**
 * A client conformance case, run once per protocol version selected by {@code mqtt.versions} and
 * {@link dev.mqttkit.conformance.junit.Versions}; it takes a {@link ClientHarness} parameter and declares its
 * statements with {@link dev.mqttkit.conformance.junit.Statements}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@TestTemplate
public @interface ClientTest {
}
