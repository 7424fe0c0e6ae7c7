package dev.mqttkit.conformance.cli;

import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.conformance.clientside.ClientTest;
import dev.mqttkit.conformance.clientside.ClientVerdicts;
import dev.mqttkit.conformance.junit.HarnessExecutable;
import dev.mqttkit.conformance.junit.MqttTest;
import dev.mqttkit.conformance.junit.ReachabilityCheck;
import dev.mqttkit.conformance.junit.RunContext;
import dev.mqttkit.conformance.junit.Statements;
import dev.mqttkit.contract.Catalogue;
import dev.mqttkit.contract.StatementIds;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * Lists the conformance tests a run would execute without touching a broker or starting a client driver
 * ({@code --list}, and the check that {@code --only} selects something). The suite's own discovery does the work (one
 * invocation per selected protocol version, the scenario and corpus factories, {@code mqtt.only}); this extension only
 * stops each test before it connects and publishes what it would have checked.
 *
 * <p>Registered through {@code META-INF/services} and active only in a launch that sets {@value #ENABLED}: the
 * command line turns on auto-detection for this class alone in its dry runs, and switches the suite's own
 * reachability condition off there, since evaluating it would connect. Anywhere else it does nothing.
 */
public final class DryRunExtension implements ExecutionCondition, BeforeEachCallback, InvocationInterceptor {
    /** The configuration parameter that turns a launch into a dry run. */
    static final String ENABLED = "mqttkit.dry-run";
    static final String KEY = "mqttkit.dry-run.key";
    static final String VERSION = "mqttkit.dry-run.version";
    static final String STATEMENTS = "mqttkit.dry-run.statements";
    /** The statements value of a test that declares none (a report entry value must not be blank). */
    static final String NONE = "-";
    /** The launch configuration of a dry run, on top of the run's own. */
    static final Map<String, String> CONFIGURATION = Map.of(
            ENABLED, "true",
            "junit.jupiter.extensions.autodetection.enabled", "true",
            "junit.jupiter.extensions.autodetection.include", DryRunExtension.class.getName(),
            "junit.jupiter.conditions.deactivate", "dev.mqttkit.conformance.junit.SuiteExtension");

    /** What the suite names an invocation of an {@link MqttTest}: "MQTT 3.1.1". */
    private static final String INVOCATION_PREFIX = "MQTT ";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!active(context)) {
            return ConditionEvaluationResult.enabled("not a dry run");
        }
        if (context.getTestMethod().isEmpty()) {
            boolean reachability = context.getTestClass()
                    .map(c -> AnnotationSupport.isAnnotated(c, ReachabilityCheck.class)).orElse(false);
            return reachability ? ConditionEvaluationResult.disabled("connects; not a conformance test")
                    : ConditionEvaluationResult.enabled("listed");
        }
        Statements s = context.getRequiredTestMethod().getAnnotation(Statements.class);
        return s == null || RunContext.of(context).config().selects(List.of(s.value()))
                ? ConditionEvaluationResult.enabled("selected")
                : ConditionEvaluationResult.disabled("not selected by mqtt.only");
    }

    /**
     * An invocation of an {@link MqttTest} or a {@link ClientTest}: published and ended before any client of it
     * connects or driver of it starts (the suites' own callbacks come after this one's). A test factory goes on: the
     * dynamic tests it makes are listed one by one.
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (!active(context)) {
            return;
        }
        Method m = context.getRequiredTestMethod();
        boolean clientCase = AnnotationSupport.isAnnotated(m, ClientTest.class);
        if (!clientCase && !AnnotationSupport.isAnnotated(m, MqttTest.class)) {
            return;
        }
        ProtocolVersion version = ProtocolVersion.fromLabel(
                context.getDisplayName().substring(INVOCATION_PREFIX.length()));
        Statements s = m.getAnnotation(Statements.class);
        List<String> declared = s == null ? List.of() : List.of(s.value());
        Catalogue catalogue = RunContext.of(context).catalogue();
        publish(context, m.getDeclaringClass().getSimpleName() + "#" + m.getName() + " [" + version.label() + "]",
                version, clientCase ? ClientVerdicts.clientStatements(catalogue, version.label(), declared)
                        : catalogue.applicable(version.label(), declared));
        throw new TestAbortedException("dry run: listed, not run");
    }

    /** A scenario or corpus case: published and skipped. */
    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
                                     ExtensionContext context) throws Throwable {
        if (!active(context)) {
            invocation.proceed();
            return;
        }
        if (invocationContext.getExecutable() instanceof HarnessExecutable body) {
            publish(context, body.key(), body.version(),
                    RunContext.of(context).catalogue().applicable(body.version().label(), body.statements()));
        }
        invocation.skip();
    }

    private static void publish(ExtensionContext context, String key, ProtocolVersion version,
                                List<String> statements) {
        context.publishReportEntry(Map.of(KEY, key, VERSION, version.label(),
                STATEMENTS, statements.isEmpty() ? NONE : StatementIds.format(statements)));
    }

    private static boolean active(ExtensionContext context) {
        return context.getConfigurationParameter(ENABLED).map(Boolean::parseBoolean).orElse(false);
    }
}
