package dev.mqttkit.conformance.junit;

import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.conformance.client.ScriptedClient;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Per invocation of a conformance test for one protocol version: creates the {@link Harness}, connects the
 * {@link Connected} fields and parameters, runs the test unless it cannot check anything (its version is not
 * supported, the broker stopped answering, a client could not connect), and lets {@link Verdicts} decide. State
 * lives in the test's {@link ExtensionContext.Store}; the extension itself holds only the version.
 */
final class HarnessExtension implements BeforeEachCallback, ParameterResolver, InvocationInterceptor {
    private final ProtocolVersion version;

    HarnessExtension(ProtocolVersion version) {
        this.version = version;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        Harness harness = harness(context);
        Object instance = context.getRequiredTestInstance();
        for (Field f : AnnotationSupport.findAnnotatedFields(instance.getClass(), Connected.class)) {
            if (f.getType() != ScriptedClient.class) {
                throw new IllegalStateException("@Connected applies to ScriptedClient fields, not " + f);
            }
            String label = f.getAnnotation(Connected.class).value();
            f.setAccessible(true);
            f.set(instance, connect(harness, label.isEmpty() ? f.getName() : label));
        }
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
                                            ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext context) throws Throwable {
        Harness harness = harness(context);
        Method m = context.getRequiredTestMethod();
        Throwable thrown = Preconditions.notCheckable(harness);
        if (thrown != null || harness.setupFailure() != null) {
            invocation.skip();
        } else {
            try {
                invocation.proceed();
            } catch (Throwable t) {
                thrown = t;
            }
        }
        Statements s = m.getAnnotation(Statements.class);
        List<String> ids = s == null ? List.of() : List.of(s.value());
        Verdicts.finish(context, harness, key(context), thrown, ids, Preconditions.disruptive(context)).apply();
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext context) {
        Class<?> type = p.getParameter().getType();
        return type == Harness.class || type == ProtocolVersion.class
                || (type == ScriptedClient.class && p.isAnnotated(Connected.class));
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext context) {
        Class<?> type = p.getParameter().getType();
        if (type == ProtocolVersion.class) {
            return version;
        }
        Harness harness = harness(context);
        if (type == Harness.class) {
            return harness;
        }
        String label = p.findAnnotation(Connected.class).map(Connected::value).orElse("");
        return connect(harness, label.isEmpty() ? p.getParameter().getName() : label);
    }

    /**
     * A connected client; when it cannot connect (or the test cannot check anything anyway), the client is returned
     * unconnected and the test does not run: a set-up that fails says nothing about the statements under test.
     */
    private static ScriptedClient connect(Harness harness, String label) {
        ScriptedClient c = harness.client(label);
        if (Preconditions.notCheckable(harness) != null || harness.setupFailure() != null) {
            return c;
        }
        try {
            c.connect();
        } catch (RuntimeException | AssertionError e) {
            harness.setupFailed(e);
        }
        return c;
    }

    private Harness harness(ExtensionContext context) {
        return context.getStore(RunContext.NAMESPACE).getOrComputeIfAbsent(Harness.class,
                k -> new Harness(RunContext.of(context), version, key(context)), Harness.class);
    }

    /** The test's stable key, e.g. {@code ConnectTests#closesConnectionOnSecondConnect [3.1.1]}. */
    private String key(ExtensionContext context) {
        Method m = context.getRequiredTestMethod();
        return m.getDeclaringClass().getSimpleName() + "#" + m.getName() + " [" + version.label() + "]";
    }
}
