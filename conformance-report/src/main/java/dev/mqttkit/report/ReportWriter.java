package dev.mqttkit.report;

import dev.mqttkit.contract.Catalogue;
import dev.mqttkit.report.html.HtmlRenderer;
import dev.mqttkit.report.html.MatrixPage;
import dev.mqttkit.report.html.TargetPage;
import dev.mqttkit.report.json.ResultsJson;
import dev.mqttkit.report.model.TargetRun;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes {@code <dir>/<target>/results.json}, {@code <dir>/<target>/index.html} and the all-targets
 * {@code <dir>/index.html}. Every failure is reported on the given stream and swallowed: a report problem must never
 * turn a test run red or hide its results. Files are replaced atomically, so a reader (or the all-targets page being
 * built by a parallel run) never sees half a file.
 *
 * <p>A run that reached no broker ({@link TargetRun#unreachable()}) says nothing about conformance: it goes to
 * {@code <dir>/<target>/last-unreachable.json} and {@code .html} beside the target's last report, which it never
 * replaces, and stays off the all-targets page. A mistyped URL must not cost the user their last good report.
 */
public final class ReportWriter {

    static final String RESULTS = "results.json";
    static final String PAGE = "index.html";
    static final String UNREACHABLE_RESULTS = "last-unreachable.json";
    static final String UNREACHABLE_PAGE = "last-unreachable.html";
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private final Path reportDir;
    private final Catalogue catalogue;
    private final PrintStream problems;
    private final Clock clock;
    private final ResultsJson json = new ResultsJson();
    private final HtmlRenderer html = new HtmlRenderer();

    public ReportWriter(Path reportDir, Catalogue catalogue, PrintStream problems, Clock clock) {
        this.reportDir = reportDir;
        this.catalogue = catalogue;
        this.problems = problems;
        this.clock = clock;
    }

    /** Folder name of a target: its name with anything that is not safe in a path or URL replaced. */
    public static String folderName(String targetName) {
        String safe = UNSAFE.matcher(targetName).replaceAll("_");
        return safe.matches("\\.*") ? "_" + safe : safe;
    }

    /**
     * The page of a run in a report folder: {@code <target>/index.html}, or for a run that reached no broker
     * {@code <target>/last-unreachable.html}.
     */
    public static Path pageOf(Path reportDir, TargetRun run) {
        return reportDir.resolve(folderName(run.target().name())).resolve(run.unreachable() ? UNREACHABLE_PAGE : PAGE);
    }

    /**
     * Writes the pages of these targets and then, if any of them reached its broker, the all-targets page; returns
     * the target pages written (see {@link #pageOf}).
     */
    public List<Path> write(List<TargetRun> runs) {
        List<Path> pages = new ArrayList<>();
        boolean reached = false;
        for (TargetRun run : runs) {
            Path dir = reportDir.resolve(folderName(run.target().name()));
            boolean kept = run.unreachable() && Files.isRegularFile(dir.resolve(RESULTS));
            try {
                Files.createDirectories(dir);
                replace(dir.resolve(run.unreachable() ? UNREACHABLE_RESULTS : RESULTS), json.toBytes(run));
                replace(pageOf(reportDir, run), html.target(new TargetPage(run, kept))
                        .getBytes(StandardCharsets.UTF_8));
                pages.add(pageOf(reportDir, run));
            } catch (IOException | RuntimeException e) {
                problems.println("mqttkit report: cannot write the report of target '" + run.target().name()
                        + "' to " + dir + ": " + e);
                continue;
            }
            reached |= !run.unreachable();
            if (run.unreachable() && !run.partial()) {
                problems.println(unreachableNote(run, dir, kept));
            }
        }
        if (reached) {
            writeMatrix();
        }
        return pages;
    }

    private String unreachableNote(TargetRun run, Path dir, boolean kept) {
        String error = run.error().lines().findFirst().orElse("");
        return "mqttkit report: no broker was reached for target '" + run.target().name() + "' (" + error + "). "
                + (kept ? "Its last report " + dir.resolve(PAGE).toAbsolutePath().normalize() + " is kept"
                        : "No report of it is written")
                + " and the all-targets page is unchanged; this attempt is described in "
                + dir.resolve(UNREACHABLE_PAGE).toAbsolutePath().normalize();
    }

    /** Rebuilds {@code <dir>/index.html} from the results.json of every target folder in it. */
    public void writeMatrix() {
        Map<String, TargetRun> targets = new LinkedHashMap<>();
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(reportDir, Files::isDirectory)) {
            dirs.forEach(folders::add);
        } catch (IOException | RuntimeException e) {
            problems.println("mqttkit report: cannot list " + reportDir + ": " + e);
            return;
        }
        folders.sort(null);
        for (Path folder : folders) {
            Path results = folder.resolve(RESULTS);
            if (!Files.isRegularFile(results)) {
                continue;
            }
            try {
                TargetRun run = json.read(results);
                if (!run.unreachable()) {
                    targets.put(folder.getFileName().toString(), run);
                }
            } catch (IOException | RuntimeException e) {
                problems.println("mqttkit report: skipping unreadable " + results + ": " + e);
            }
        }
        try {
            String page = html.matrix(new MatrixPage(targets, catalogue, clock.instant()));
            replace(reportDir.resolve(PAGE), page.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            problems.println("mqttkit report: cannot write " + reportDir.resolve(PAGE) + ": " + e);
        }
    }

    private static void replace(Path file, byte[] content) throws IOException {
        // Not createTempFile: its owner-only permissions would stick to the page and hide it from a web server.
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
