package dev.mqttkit.conformance.clientside;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mqttkit.conformance.junit.Statements;
import dev.mqttkit.contract.Catalogue;
import dev.mqttkit.contract.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Which catalogue statements the client suite checks, computed from the {@link Statements} declarations of its cases
 * (found by JUnit discovery), against the statements a scripted broker can see a client obey
 * ({@code observableOnClient}). Those no case checks are listed with a reason in the client side's own
 * {@code untested-statements.json}.
 */
final class ClientCoverage {
    static final String UNTESTED = "/dev/mqttkit/conformance/clientside/untested-statements.json";

    private ClientCoverage() {
    }

    /** Statement id to the cases declaring it (class#method). */
    static Map<String, List<String>> declarations() {
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage(ClientSuiteExecution.TESTS)).build());
        Map<String, List<String>> out = new TreeMap<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                if (id.getSource().orElse(null) instanceof MethodSource ms) {
                    Method m = ms.getJavaMethod();
                    Statements s = m.getAnnotation(Statements.class);
                    for (String statement : s == null ? new String[0] : s.value()) {
                        out.computeIfAbsent(statement, k -> new ArrayList<>())
                                .add(m.getDeclaringClass().getSimpleName() + "#" + m.getName());
                    }
                }
            }
        }
        return out;
    }

    /** Statements listed as untested on the client side, with the reason. */
    static Map<String, String> untested() {
        try (InputStream in = ClientCoverage.class.getResourceAsStream(UNTESTED)) {
            Map<String, String> out = new LinkedHashMap<>();
            if (in != null) {
                new ObjectMapper().readTree(in).fields()
                        .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + UNTESTED, e);
        }
    }

    /**
     * Client-side observable statements neither declared by a case nor listed as untested. A 3.1 difference counts
     * as checked when a case declares a 3.1.1 statement it replaces: in a 3.1 run that case is judged by it.
     */
    static List<String> gaps(Catalogue catalogue) {
        Map<String, List<String>> declared = declarations();
        Map<String, String> untested = untested();
        List<String> gaps = new ArrayList<>();
        for (Statement s : catalogue.all()) {
            boolean checked = declared.containsKey(s.id()) || s.differsFrom().stream().anyMatch(declared::containsKey);
            if (s.observableOnClient() && !checked && !untested.containsKey(s.id())) {
                gaps.add(s.id());
            }
        }
        return gaps;
    }
}
