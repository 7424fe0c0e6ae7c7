package dev.mqttkit.conformance.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link dev.mqttkit.conformance.client.ScriptedClient} field or parameter to be connected to the current
 * target (clean session, unique client id) before the test runs. Its transcript label is the value, or else the
 * field or parameter name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface Connected {
    String value() default "";
}
