package dev.mqttkit.conformance.clientside;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The client conformance suite as one JUnit Platform suite: {@code mvn verify -Dmqtt.client="COMMAND"} (Failsafe
 * including this class, or a client project's build scanning this artifact) runs every client case against the
 * driver the command starts. The settings come from system properties or environment variables as always.
 */
@Suite
@SuiteDisplayName("MQTT client conformance")
@SelectPackages(ClientSuiteExecution.TESTS)
@IncludeClassNamePatterns(".*Tests")
@ConfigurationParameter(key = "junit.jupiter.execution.parallel.enabled", value = "true")
@ConfigurationParameter(key = "junit.jupiter.execution.parallel.mode.default", value = "concurrent")
@ConfigurationParameter(key = "junit.jupiter.execution.parallel.mode.classes.default", value = "concurrent")
@ConfigurationParameter(key = "junit.jupiter.execution.parallel.config.strategy", value = "fixed")
@ConfigurationParameter(key = "junit.jupiter.execution.parallel.config.fixed.parallelism",
        value = ClientSuiteExecution.PARALLELISM)
public class MqttClientConformanceSuite {
}
