package dev.mqttkit.conformance.junit;

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
 * A class of conformance tests: connects them to the configured target and publishes their verdicts. The tests are
 * independent (unique client ids and topics) and may run concurrently with each other when parallel execution is
 * enabled; a {@link DisruptiveConformanceTest} class runs only after them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@ExtendWith(SuiteExtension.class)
@Execution(ExecutionMode.CONCURRENT)
@Tag("conformance")
public @interface ConformanceTest {
}
