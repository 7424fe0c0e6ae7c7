package dev.mqttkit.conformance;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The whole conformance suite as one JUnit Platform suite, for a broker project's own build: let Failsafe (or
 * Surefire) scan this artifact and include this class, and the tests run concurrently, in the order of
 * {@link SuiteExecution}, without any configuration of the project's own. The settings ({@code mqtt.broker}, ...)
 * come from system properties or environment variables as always.
 */
@Suite
@SuiteDisplayName("MQTT conformance")
@SelectPackages(SuiteExecution.TESTS)
@IncludeClassNamePatterns(".*Tests")
@ConfigurationParameter(key = SuiteExecution.CLASS_ORDER, value = SuiteExecution.ORDER_ANNOTATION)
@ConfigurationParameter(key = SuiteExecution.PARALLEL, value = "true")
@ConfigurationParameter(key = SuiteExecution.MODE, value = "concurrent")
@ConfigurationParameter(key = SuiteExecution.CLASS_MODE, value = "concurrent")
@ConfigurationParameter(key = SuiteExecution.STRATEGY, value = "fixed")
@ConfigurationParameter(key = SuiteExecution.FIXED, value = SuiteExecution.PARALLELISM)
@ConfigurationParameter(key = SuiteExecution.MAX_POOL, value = "64")
public class MqttConformanceSuite {
}
