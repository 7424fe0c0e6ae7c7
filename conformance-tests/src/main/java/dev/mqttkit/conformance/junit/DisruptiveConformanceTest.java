package dev.mqttkit.conformance.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A class of conformance tests that send input known to upset brokers (malformed packets, reserved flags, unusual
 * but valid retries). JUnit runs such ({@link Isolated}) classes alone, after every concurrent class has finished,
 * one test after another; each test is followed by a check that the broker still answers new connections. So a
 * broker that stops answering is noticed at the test that caused it, and cannot take the rest of the run down with
 * it. Classes that carry {@link org.junit.jupiter.api.Order} run in that order, the ones whose input has stopped
 * brokers most often last.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@ExtendWith(SuiteExtension.class)
@Isolated
@Tag("conformance")
public @interface DisruptiveConformanceTest {
}
