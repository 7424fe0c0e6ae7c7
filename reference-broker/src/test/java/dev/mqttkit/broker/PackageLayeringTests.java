package dev.mqttkit.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The broker's packages form layers, read from the compiled classes with the JDK's {@code jdeps}: the public API and
 * its wiring on top, then networking, then the protocol logic, then sessions and routing, which know nothing of ours.
 * The configuration file reader and the command line sit beside the API and use it. No package cycles.
 */
class PackageLayeringTests {
    private static final String ROOT = "dev.mqttkit.broker";

    /** Which of our packages each package may use (besides itself); a package not listed may use none. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "", Set.of("net", "protocol", "session", "routing"),
            "net", Set.of("protocol"),
            "protocol", Set.of("session", "routing"),
            "config", Set.of(""),
            "cli", Set.of("", "config"));

    @Test
    void eachPackageUsesOnlyTheLayersBelowIt() throws Exception {
        Map<String, Set<String>> edges = dependencies();
        assertThat(edges).as("packages found by jdeps").containsKeys("", "net", "protocol", "session", "routing");
        assertThat(violations(edges)).isEmpty();
    }

    @Test
    void packagesHaveNoCycles() throws Exception {
        assertThat(cycle(dependencies())).isEmpty();
    }

    @Test
    void aPlantedCycleAndAnUpwardDependencyAreFound() {
        Map<String, Set<String>> planted = Map.of(
                "", Set.of("net", "protocol"),
                "net", Set.of("protocol"),
                "protocol", Set.of("", "session"));
        assertThat(cycle(planted)).hasValueSatisfying(c -> assertThat(c).contains("", "protocol"));
        assertThat(violations(planted)).containsExactly("protocol -> (root)");
    }

    private static List<String> violations(Map<String, Set<String>> edges) {
        List<String> bad = new ArrayList<>();
        new TreeMap<>(edges).forEach((from, targets) -> new TreeSet<>(targets).forEach(to -> {
            if (!from.equals(to) && !ALLOWED.getOrDefault(from, Set.of()).contains(to)) {
                bad.add(name(from) + " -> " + name(to));
            }
        }));
        return bad;
    }

    /** A dependency cycle among the packages, as the list of packages on it, if there is one. */
    private static Optional<List<String>> cycle(Map<String, Set<String>> edges) {
        Set<String> done = new HashSet<>();
        for (String start : new TreeSet<>(edges.keySet())) {
            List<String> path = new ArrayList<>();
            Optional<List<String>> found = visit(start, edges, path, done);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> visit(String node, Map<String, Set<String>> edges, List<String> path,
                                                Set<String> done) {
        int at = path.indexOf(node);
        if (at >= 0) {
            return Optional.of(List.copyOf(path.subList(at, path.size())));
        }
        if (!done.add(node)) {
            return Optional.empty();
        }
        path.add(node);
        for (String next : new TreeSet<>(edges.getOrDefault(node, Set.of()))) {
            if (!next.equals(node)) {
                Optional<List<String>> found = visit(next, edges, path, done);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        path.remove(path.size() - 1);
        return Optional.empty();
    }

    private static String name(String relative) {
        return relative.isEmpty() ? "(root)" : relative;
    }

    /** Package to the packages of ours it uses, relative to {@value #ROOT} ("" for the root package). */
    private static Map<String, Set<String>> dependencies() throws URISyntaxException {
        Optional<ToolProvider> jdeps = ToolProvider.findFirst("jdeps");
        assumeTrue(jdeps.isPresent(), "jdeps is part of the JDK, not of a bare JRE");
        Path classes = Path.of(ReferenceBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        StringWriter out = new StringWriter();
        int code = jdeps.get().run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-filter:none",
                classes.toString());
        assertThat(code).as("jdeps exit code; output: " + out).isZero();
        Pattern edge = Pattern.compile("^\\s+(" + Pattern.quote(ROOT) + "\\S*)\\s+->\\s+(" + Pattern.quote(ROOT)
                + "\\S*)\\s");
        Map<String, Set<String>> edges = new HashMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher m = edge.matcher(line);
            if (m.find()) {
                edges.computeIfAbsent(relative(m.group(1)), k -> new HashSet<>()).add(relative(m.group(2)));
            }
        }
        return edges;
    }

    private static String relative(String pkg) {
        return pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
    }
}
