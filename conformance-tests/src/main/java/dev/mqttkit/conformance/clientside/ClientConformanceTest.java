package dev.mqttkit.conformance.clientside;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A class of client conformance cases: each case starts the client driver of {@code mqtt.client} against a
 * {@link ScriptedBroker} of its own, so cases are independent and may run concurrently. Without {@code mqtt.client}
 * the class is skipped.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@ExtendWith(ClientSuiteExtension.class)
@Execution(ExecutionMode.CONCURRENT)
@Tag("client-conformance")
public @interface ClientConformanceTest {
}
