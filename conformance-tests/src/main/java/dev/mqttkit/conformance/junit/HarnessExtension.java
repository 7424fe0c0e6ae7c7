package dev.mqttkit.conformance.junit;

import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.conformance.client.ScriptedClient;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Per invocation of a conformance test for one protocol version: creates the {@link Harness}, connects the
 * {@link Connected} fields and parameters, and publishes the verdict when the test ends. State lives in the test's
 * {@link ExtensionContext.Store}; the extension itself holds only the version.
 */
final class HarnessExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
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
            f.set(instance, harness.connected(label.isEmpty() ? f.getName() : label));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Harness harness = harness(context);
        Statements s = context.getRequiredTestMethod().getAnnotation(Statements.class);
        List<String> ids = s == null ? List.of() : List.of(s.value());
        AssertionError late = Verdicts.finish(context, harness, context.getExecutionException().orElse(null), ids);
        if (late != null) {
            throw late;
        }
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
        return harness.connected(label.isEmpty() ? p.getParameter().getName() : label);
    }

    private Harness harness(ExtensionContext context) {
        return context.getStore(RunContext.NAMESPACE).getOrComputeIfAbsent(Harness.class,
                k -> new Harness(RunContext.of(context), version), Harness.class);
    }
}
