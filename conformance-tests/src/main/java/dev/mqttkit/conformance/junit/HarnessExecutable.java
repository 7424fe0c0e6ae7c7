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
    private final String key;
    private final ProtocolVersion version;
    private final List<String> statements;
    private final ThrowingConsumer<Harness> body;
    private Harness harness;

    /**
     * @param key the test's stable key in expectations files and reports, e.g.
     *            {@code scenario:qos1-flow [3.1.1]}
     */
    public HarnessExecutable(String key, ProtocolVersion version, List<String> statements,
                             ThrowingConsumer<Harness> body) {
        this.key = key + " [" + version.label() + "]";
        this.version = version;
        this.statements = List.copyOf(statements);
        this.body = body;
    }

    /** The test's key, with its version, e.g. {@code scenario:qos1-flow [3.1.1]}. */
    public String key() {
        return key;
    }

    public ProtocolVersion version() {
        return version;
    }

    /** The statements the test declares, before the version under test decides which apply. */
    public List<String> statements() {
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
