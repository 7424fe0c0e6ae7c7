package dev.mqttkit.report.junit;

import dev.mqttkit.contract.Verdict;
import dev.mqttkit.report.ReportWriter;
import dev.mqttkit.report.model.Score;
import dev.mqttkit.report.model.TargetRun;
import dev.mqttkit.report.model.TestOutcome;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Writes conformance runs as JUnit XML, the format CI test reporters read (GitLab, Jenkins, GitHub test-report
 * actions): one {@code <testsuite>} per target, one {@code <testcase>} per test with its statements, version, level,
 * verdict and key as {@code <properties>}. Reporters go red on {@code <failure>} and {@code <error>} only, so only
 * what should fail a build becomes one: a FAIL the user's expectations file does not list (with the reason as
 * message and the wire transcript as text), a target that could not be reached, and, when {@code strict}, a listed
 * deviation that went away. WARN and expected failures pass with a note in {@code <system-out>}; INCONCLUSIVE,
 * N/A and NOT SUPPORTED are {@code <skipped>} with the reason.
 *
 * <p>With several targets, class names are prefixed with the target's folder name, so reporters that merge suites
 * keep the targets apart.
 */
public final class JUnitXmlWriter {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final boolean strict;

    /** @param strict whether a listed deviation that no longer happens fails, like {@code --strict-expectations} */
    public JUnitXmlWriter(boolean strict) {
        this.strict = strict;
    }

    /** Writes the runs to {@code file}, creating its folder; the file is complete or not there. */
    public void write(List<TargetRun> runs, Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(runs, bytes);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, bytes.toByteArray());
    }

    public void write(List<TargetRun> runs, OutputStream out) throws IOException {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            // The declaration is written here: the JDK's serializer puts none or a standalone one without a newline.
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            Document document = document(runs);
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8));
            transformer.transform(new DOMSource(document), new StreamResult(out));
        } catch (TransformerException | ParserConfigurationException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private Document document(List<TargetRun> runs) throws ParserConfigurationException {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        Element root = doc.createElement("testsuites");
        root.setAttribute("name", "MQTT conformance");
        doc.appendChild(root);
        int[] totals = new int[4];
        long millis = 0;
        for (TargetRun run : runs) {
            int[] counts = suite(doc, root, run, runs.size() > 1);
            for (int i = 0; i < totals.length; i++) {
                totals[i] += counts[i];
            }
            millis += run.durationMillis();
        }
        counts(root, totals, millis);
        return doc;
    }

    /** Appends the target's suite; returns its tests, failures, errors and skipped. */
    private int[] suite(Document doc, Element root, TargetRun run, boolean prefixed) {
        Element suite = child(root, "testsuite");
        suite.setAttribute("name", text(run.target().name()));
        if (run.started() != null) {
            suite.setAttribute("timestamp", TIMESTAMP.format(run.started().truncatedTo(ChronoUnit.SECONDS)));
        }
        Element properties = child(suite, "properties");
        property(properties, "target", run.target().name());
        property(properties, "url", run.target().url());
        property(properties, "image", run.target().image());
        property(properties, "broker", run.target().broker());
        property(properties, "versions", String.join(" ", run.versions()));
        for (Score s : run.scores()) {
            property(properties, "score." + s.version(), !s.supported() ? s.percentText()
                    : run.filtered() ? "filtered, no score"
                    : s.percentText() + " (" + s.passed() + "/" + s.applicable() + " MUST statements passed"
                    + (s.inconclusive() > 0 ? ", " + s.inconclusive() + " could not be checked" : "") + ")");
        }
        run.unsupported().forEach((v, why) -> property(properties, "unsupported." + v, why));
        if (run.cascade() != null) {
            property(properties, "stopped-answering-after", run.cascade().culprit());
            property(properties, "stopped-answering-evidence", run.cascade().evidence());
        }
        property(properties, "filter", run.filter());
        property(properties, "partial", run.partial() ? "true" : null);
        String prefix = prefixed ? ReportWriter.folderName(run.target().name()).replace('.', '_') + "." : "";
        int[] counts = new int[4];
        for (TestOutcome t : run.tests()) {
            TestCase c = TestCase.of(t, strict);
            Element testcase = child(suite, "testcase");
            testcase.setAttribute("classname", text(prefix + c.className()));
            testcase.setAttribute("name", text(c.name()));
            testcase.setAttribute("time", seconds(t.durationMillis()));
            Element props = child(testcase, "properties");
            property(props, "test", t.key());
            property(props, "statements", String.join(" ", t.statements()));
            property(props, "version", t.version());
            property(props, "level", t.level() == null ? null : t.level().name());
            property(props, "verdict", t.verdict().name());
            property(props, "expectation", t.expectation() == null ? null : t.expectation().status().name());
            counts[0]++;
            switch (c.outcome()) {
                case FAILURE -> {
                    counts[1]++;
                    Element failure = child(testcase, "failure");
                    failure.setAttribute("message", text(c.message()));
                    failure.setAttribute("type", t.verdict() == Verdict.FAIL ? "FAIL" : "FIXED");
                    failure.setTextContent(text(c.body()));
                }
                case SKIPPED -> {
                    counts[3]++;
                    child(testcase, "skipped").setAttribute("message", text(c.message()));
                }
                case PASSED -> {
                    if (c.body() != null) {
                        child(testcase, "system-out").setTextContent(text(c.body()));
                    }
                }
            }
        }
        if (run.error() != null && run.tests().stream().noneMatch(t -> t.verdict() == Verdict.FAIL)) {
            Element testcase = child(suite, "testcase");
            testcase.setAttribute("classname", text(prefix + "target"));
            testcase.setAttribute("name", "the broker can be reached");
            testcase.setAttribute("time", "0.000");
            Element error = child(testcase, "error");
            error.setAttribute("message", text(run.error().lines().findFirst().orElse("unreachable")));
            error.setAttribute("type", "unreachable");
            error.setTextContent(text(run.error()));
            counts[0]++;
            counts[2]++;
        }
        counts(suite, counts, run.durationMillis());
        return counts;
    }

    private static void counts(Element e, int[] counts, long millis) {
        e.setAttribute("tests", String.valueOf(counts[0]));
        e.setAttribute("failures", String.valueOf(counts[1]));
        e.setAttribute("errors", String.valueOf(counts[2]));
        e.setAttribute("skipped", String.valueOf(counts[3]));
        e.setAttribute("time", seconds(millis));
    }

    private static Element child(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElement(name);
        parent.appendChild(e);
        return e;
    }

    private static void property(Element properties, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Element p = child(properties, "property");
        p.setAttribute("name", name);
        p.setAttribute("value", text(value));
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** Text without the characters XML 1.0 cannot carry at all (most control characters), which a broker may send. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(allowed(cp) ? cp : 0xFFFD));
        return out.toString();
    }

    private static boolean allowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
