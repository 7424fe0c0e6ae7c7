package dev.mqttkit.conformance.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the class that reports whether the target can be reached. It runs even when the target cannot be reached;
 * every other {@link ConformanceTest} class is then skipped, since its verdicts would say nothing about the broker.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReachabilityCheck {
}
