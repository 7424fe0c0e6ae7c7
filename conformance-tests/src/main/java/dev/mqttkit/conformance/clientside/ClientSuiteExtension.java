package dev.mqttkit.conformance.clientside;

import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.conformance.junit.Statements;
import dev.mqttkit.conformance.junit.SuiteExtension;
import dev.mqttkit.contract.Setting;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.opentest4j.TestAbortedException;

/**
 * The client suite's JUnit extension (registered by {@link ClientConformanceTest}): one invocation of each
 * {@link ClientTest} per selected protocol version, each with a {@link ClientHarness} of its own; {@code mqtt.only}
 * applied to the declared {@link Statements}; classes skipped when no driver is given.
 */
public final class ClientSuiteExtension implements TestTemplateInvocationContextProvider, ExecutionCondition {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(ClientTest.class)).orElse(false);
    }

    @Override
    public boolean mayReturnZeroTestTemplateInvocationContexts(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return SuiteExtension.versionsOf(context, ClientRun.of(context).config()).stream()
                .map(ClientSuiteExtension::invocation);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ClientRun run = ClientRun.of(context);
        if (!run.hasClient()) {
            return ConditionEvaluationResult.disabled("no client driver given: set " + Setting.CLIENT.property()
                    + " (or " + Setting.CLIENT.environmentVariable() + ") to the driver's command line");
        }
        Optional<Statements> s = context.getTestMethod().map(m -> m.getAnnotation(Statements.class));
        if (s.isEmpty()) {
            return ConditionEvaluationResult.enabled("a client driver is given");
        }
        List<String> ids = List.of(s.get().value());
        return run.config().selects(ids) ? ConditionEvaluationResult.enabled("selected")
                : ConditionEvaluationResult.disabled("checks " + ids + ", not selected by mqtt.only");
    }

    private static TestTemplateInvocationContext invocation(ProtocolVersion v) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int index) {
                return "MQTT " + v.label();
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new Invocation(v));
            }
        };
    }

    /** Per invocation: the case's harness as a parameter, and its verdict when it ends. */
    private static final class Invocation implements ParameterResolver, InvocationInterceptor {
        private final ProtocolVersion version;

        Invocation(ProtocolVersion version) {
            this.version = version;
        }

        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext context) {
            return p.getParameter().getType() == ClientHarness.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext context) {
            return harness(context);
        }

        @Override
        public void interceptTestTemplateMethod(InvocationInterceptor.Invocation<Void> invocation,
                                                ReflectiveInvocationContext<Method> invocationContext,
                                                ExtensionContext context) throws Throwable {
            ClientHarness harness = harness(context);
            Method m = context.getRequiredTestMethod();
            Statements s = m.getAnnotation(Statements.class);
            List<String> declared = s == null ? List.of() : List.of(s.value());
            Throwable thrown = null;
            if (!declared.isEmpty() && ClientVerdicts.clientStatements(harness.run().catalogue(), version.label(),
                    declared).isEmpty()) {
                invocation.skip();
                thrown = new TestAbortedException("MQTT " + version.label() + " states no rule for the client here:"
                        + " its counterparts of " + String.join(", ", declared) + " bind the server only");
            } else {
                try {
                    invocation.proceed();
                } catch (Throwable t) {
                    thrown = t;
                }
            }
            String key = m.getDeclaringClass().getSimpleName() + "#" + m.getName() + " [" + version.label() + "]";
            ClientVerdicts.finish(context, harness, key, thrown, declared);
        }

        private ClientHarness harness(ExtensionContext context) {
            return context.getStore(ClientRun.NAMESPACE).getOrComputeIfAbsent(ClientHarness.class,
                    k -> new ClientHarness(ClientRun.of(context), version), ClientHarness.class);
        }
    }
}
