package dev.mqttkit.conformance.coverage;

import dev.mqttkit.contract.Catalogue;
import dev.mqttkit.contract.Statement;
import dev.mqttkit.contract.TargetFacts.Kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mqttkit.conformance.SuiteExecution;
import dev.mqttkit.conformance.clientside.ClientSuiteExecution;
import dev.mqttkit.conformance.junit.Statements;
import dev.mqttkit.conformance.scenario.Scenario;
import dev.mqttkit.conformance.scenario.ScenarioLibrary;
import dev.mqttkit.conformance.suite.MalformedCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Which catalogue statements each side of the suite checks, computed from the declarations alone: {@link Statements}
 * on the test methods (found by JUnit discovery) and, on the broker side, the headers of the scenario scripts and the
 * rules of the malformed corpus. Statements a side observes but no test checks are listed with a reason in that
 * side's {@code untested-statements.json}.
 */
public final class Coverage {
    private Coverage() {
    }

    /** The untested list of the side that tests targets of {@code kind}. */
    public static String untestedResource(Kind kind) {
        return kind == Kind.CLIENT
                ? "/dev/mqttkit/conformance/clientside/untested-statements.json"
                : "/dev/mqttkit/conformance/untested-statements.json";
    }

    /** Statement id to the tests declaring it (class#method, scenario:name or malformed:file/name). */
    public static Map<String, List<String>> declarations(Kind kind) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Method m : testMethods(kind == Kind.CLIENT ? ClientSuiteExecution.TESTS : SuiteExecution.TESTS)) {
            Statements s = m.getAnnotation(Statements.class);
            if (s != null) {
                for (String id : s.value()) {
                    out.computeIfAbsent(id, k -> new ArrayList<>())
                            .add(m.getDeclaringClass().getSimpleName() + "#" + m.getName());
                }
            }
        }
        if (kind == Kind.CLIENT) {
            return out;
        }
        for (Scenario sc : ScenarioLibrary.all()) {
            for (String id : sc.statements()) {
                out.computeIfAbsent(id, k -> new ArrayList<>()).add("scenario:" + sc.name());
            }
        }
        for (MalformedCorpus.Case c : MalformedCorpus.serverCases()) {
            for (String id : c.cites()) {
                out.computeIfAbsent(id, k -> new ArrayList<>()).add("malformed:" + c.file() + "/" + c.name());
            }
            out.computeIfAbsent("MQTT-4.8.0-1", k -> new ArrayList<>()).add("malformed:" + c.file() + "/" + c.name());
        }
        return out;
    }

    /** Statements the side observes but declares untested, with the reason. */
    public static Map<String, String> untested(Kind kind) {
        String resource = untestedResource(kind);
        try (InputStream in = Coverage.class.getResourceAsStream(resource)) {
            Map<String, String> out = new LinkedHashMap<>();
            if (in == null) {
                return out;
            }
            JsonNode root = new ObjectMapper().readTree(in);
            root.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * Statements observable on targets of {@code kind} that are neither declared by a test nor listed as untested. A
     * 3.1 difference counts as checked when a test declares a 3.1.1 statement it replaces: in a 3.1 run the verdict of
     * that test is judged by the difference.
     */
    public static List<String> gaps(Catalogue catalogue, Kind kind) {
        Map<String, List<String>> declared = declarations(kind);
        Map<String, String> untested = untested(kind);
        List<String> gaps = new ArrayList<>();
        for (Statement s : catalogue.all()) {
            boolean checked = declared.containsKey(s.id()) || s.differsFrom().stream().anyMatch(declared::containsKey);
            boolean binds = kind == Kind.CLIENT ? s.bindsClient() : s.bindsServer();
            if (binds && s.observableOn(kind) && !checked && !untested.containsKey(s.id())) {
                gaps.add(s.id());
            }
        }
        return gaps;
    }

    private static List<Method> testMethods(String testPackage) {
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage(testPackage))
                .configurationParameter("mqtt.versions", "3.1,3.1.1").build());
        List<Method> out = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                if (id.getSource().orElse(null) instanceof MethodSource ms && seen.add(ms.toString())) {
                    out.add(ms.getJavaMethod());
                }
            }
        }
        return out;
    }
}
