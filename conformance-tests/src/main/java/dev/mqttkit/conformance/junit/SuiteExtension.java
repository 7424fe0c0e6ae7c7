package dev.mqttkit.conformance.junit;

import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.conformance.SuiteConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The suite's JUnit extension (registered by {@link ConformanceTest}): one invocation of each {@link MqttTest} per
 * selected protocol version, {@code mqtt.only} applied to the declared {@link Statements}, and a {@link Harness} for
 * scenario dynamic tests.
 */
public final class SuiteExtension
        implements TestTemplateInvocationContextProvider, ExecutionCondition, InvocationInterceptor, ParameterResolver {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(MqttTest.class)).orElse(false);
    }

    @Override
    public boolean mayReturnZeroTestTemplateInvocationContexts(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return versionsOf(context, RunContext.of(context).config()).stream().map(SuiteExtension::invocation);
    }

    /**
     * The versions a test method runs in, on either side: those the run selects ({@code mqtt.versions}) that its
     * {@link Versions}, or its class's, allows.
     */
    public static List<ProtocolVersion> versionsOf(ExtensionContext context, SuiteConfig config) {
        Optional<Versions> only = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), Versions.class)
                .or(() -> AnnotationSupport.findAnnotation(context.getRequiredTestClass(), Versions.class));
        List<ProtocolVersion> out = new ArrayList<>();
        for (ProtocolVersion v : config.versions()) {
            if (only.isEmpty() || Stream.of(only.get().value()).map(ProtocolVersion::fromLabel).anyMatch(v::equals)) {
                out.add(v);
            }
        }
        return out;
    }

    private static TestTemplateInvocationContext invocation(ProtocolVersion v) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int index) {
                return "MQTT " + v.label();
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new HarnessExtension(v));
            }
        };
    }

    /**
     * Skips whole classes when the target cannot be reached (only the {@link ReachabilityCheck} runs and says why),
     * and tests whose statements {@code mqtt.only} does not select.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty() && context.getTestClass().isPresent()
                && !AnnotationSupport.isAnnotated(context.getTestClass().get(), ReachabilityCheck.class)) {
            String error = RunContext.of(context).targetError();
            return error == null ? ConditionEvaluationResult.enabled("the target is reachable")
                    : ConditionEvaluationResult.disabled("the broker could not be reached: " + error);
        }
        Optional<Statements> s = context.getTestMethod().map(m -> m.getAnnotation(Statements.class));
        if (s.isEmpty()) {
            return ConditionEvaluationResult.enabled("no statements declared");
        }
        List<String> ids = List.of(s.get().value());
        return RunContext.of(context).config().selects(ids)
                ? ConditionEvaluationResult.enabled("selected")
                : ConditionEvaluationResult.disabled("checks " + ids + ", not selected by mqtt.only");
    }

    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
                                     ExtensionContext context) throws Throwable {
        if (!(invocationContext.getExecutable() instanceof HarnessExecutable body)) {
            invocation.proceed();
            return;
        }
        Harness harness = new Harness(RunContext.of(context), body.version(), body.key());
        body.bind(harness);
        Throwable thrown = Preconditions.notCheckable(harness);
        if (thrown != null) {
            invocation.skip();
        } else {
            try {
                invocation.proceed();
            } catch (Throwable t) {
                thrown = t;
            }
        }
        Verdicts.finish(context, harness, body.key(), thrown, body.statements(), Preconditions.disruptive(context))
                .apply();
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext context) {
        return p.getParameter().getType() == RunContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext context) {
        return RunContext.of(context);
    }
}
