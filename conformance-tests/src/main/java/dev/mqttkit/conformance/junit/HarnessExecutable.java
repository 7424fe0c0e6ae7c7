package dev.mqttkit.conformance.junit;

import dev.mqttkit.codec.packet.ProtocolVersion;
import java.util.List;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * The body of a conformance dynamic test (a scenario script for one version). {@link SuiteExtension} gives it a
 * {@link Harness} bound to the dynamic test's own context, so its verdict and transcript are reported like those
 * of any other test.
 */
public final class HarnessExecutable implements Executable {
    private final ProtocolVersion version;
    private final List<String> statements;
    private final ThrowingConsumer<Harness> body;
    private Harness harness;

    public HarnessExecutable(ProtocolVersion version, List<String> statements, ThrowingConsumer<Harness> body) {
        this.version = version;
        this.statements = List.copyOf(statements);
        this.body = body;
    }

    ProtocolVersion version() {
        return version;
    }

    List<String> statements() {
        return statements;
    }

    void bind(Harness h) {
        this.harness = h;
    }

    @Override
    public void execute() throws Throwable {
        if (harness == null) {
            throw new IllegalStateException("a conformance dynamic test runs inside a @ConformanceTest class");
        }
        body.accept(harness);
    }
}
