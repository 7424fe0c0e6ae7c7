package dev.mqttkit.report;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Renders generated reports in Debian's headless chromium, the way a reader's browser shows them: scripts run, CSS
 * applies. The report and screenshots stay in {@code target/browser-check} for a human to look at.
 */
class BrowserRenderingIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path OUT = Path.of("target", "browser-check").toAbsolutePath();
    static final int TIMEOUT_SECONDS = 90;

    static Path page;
    static Path cascadePage;
    static Document staticPage;

    @BeforeAll
    static void generateReports() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: no browser at " + CHROMIUM
                + " (install Debian's chromium: apt-get install -y chromium)");
        deleteRecursively(OUT);
        new FakeRuns(OUT).run("mixed");
        new FakeRuns(OUT).run("passing");
        new FakeRuns(OUT).run("cascade");
        new FakeRuns(OUT).run("expected");
        page = OUT.resolve("fake-broker/index.html");
        cascadePage = OUT.resolve("stalling-broker/index.html");
        staticPage = Jsoup.parse(page.toFile());
    }

    @Test
    void summaryCountsAreRenderedAndTheScriptRan() throws Exception {
        Document dom = Jsoup.parse(dumpDom(page.toUri().toString()));

        assertThat(dom.select("#count-fail").text()).isEqualTo("Fail 3");
        assertThat(dom.select("#count-pass").text()).isEqualTo("Pass 3");
        assertThat(dom.select("button[data-expand]")).hasSize(2)
                .allSatisfy(b -> assertThat(b.hasAttr("hidden")).as("shown by the script").isFalse());
    }

    @Test
    void linkToATestExpandsItsTranscript() throws Exception {
        Element test = staticPage.select("details.test").stream()
                .filter(d -> d.select(".name").text().contains("rejectsSecondConnect")).findFirst().orElseThrow();
        assertThat(test.hasAttr("open")).isFalse();

        Document dom = Jsoup.parse(dumpDom(page.toUri() + "#" + test.id()));

        Element opened = dom.getElementById(test.id());
        assertThat(opened.hasAttr("open")).as("details opened by the link").isTrue();
        assertThat(opened.select("table.transcript tr.failed .failmark").text()).contains("failed here");
        assertThat(dom.select("details.test[open]")).hasSize(1);
    }

    @Test
    void verdictFilterHidesEverythingElseWithoutAServer() throws Exception {
        // The filter is CSS only; a probe script checks the Fail option the way a click would, then records what
        // the browser actually displays.
        String probe = "<script>document.getElementById('f-fail').checked = true;"
                + "function shown(sel) { return Array.from(document.querySelectorAll(sel))"
                + ".filter(function (e) { return e.getClientRects().length > 0; }); }"
                + "document.body.setAttribute('data-tests', shown('details.test').map(function (d) {"
                + " return d.className; }).join('|'));"
                + "document.body.setAttribute('data-rows', shown('tr.row').length);"
                + "document.body.setAttribute('data-failing-rows', shown('tr.row.v-fail').length);</script></body>";
        Path probed = page.resolveSibling("filter-probe.html");
        Files.writeString(probed, Files.readString(page).replace("</body>", probe));

        Document dom = Jsoup.parse(dumpDom(probed.toUri().toString()));

        assertThat(dom.body().attr("data-tests").split("\\|")).hasSize(3)
                .allSatisfy(c -> assertThat(c).contains("v-fail"));
        assertThat(dom.body().attr("data-rows")).isEqualTo(dom.body().attr("data-failing-rows"));
        assertThat(Integer.parseInt(dom.body().attr("data-rows"))).isGreaterThanOrEqualTo(3);
    }

    @Test
    void choosingTheInconclusiveFilterOpensTheirCollapsedGroupAndHidesTheRest() throws Exception {
        // A click on the label, as a reader does: the radio changes, the CSS filters, the script opens the group.
        String probe = "<script>document.querySelector('label[for=f-inconclusive]').click();"
                + "function shown(sel) { return Array.from(document.querySelectorAll(sel))"
                + ".filter(function (e) { return e.getClientRects().length > 0 && e.offsetHeight > 0; }); }"
                + "document.body.setAttribute('data-open', document.getElementById('inconclusive-tests').open);"
                + "document.body.setAttribute('data-tests', shown('details.test').map(function (d) {"
                + " return d.className; }).join('|'));</script></body>";
        Path probed = cascadePage.resolveSibling("filter-probe.html");
        Files.writeString(probed, Files.readString(cascadePage).replace("</body>", probe));

        Document dom = Jsoup.parse(dumpDom(probed.toUri().toString()));

        assertThat(dom.body().attr("data-open")).isEqualTo("true");
        assertThat(dom.body().attr("data-tests").split("\\|")).hasSize(3)
                .allSatisfy(c -> assertThat(c).contains("v-inconclusive"));
    }

    @Test
    void cascadePageShowsItsOwnVerdictColours() throws Exception {
        Path shot = screenshot(cascadePage.toUri().toString(), "stalling-broker.png");

        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(pixelsNear(image, 0xece8fb)).as("inconclusive banner and badges").isGreaterThan(2000);
        assertThat(pixelsNear(image, 0xe3ebf2)).as("not supported score and badges").isGreaterThan(2000);
        screenshot(OUT.resolve("known-broker/index.html").toUri().toString(), "known-broker.png");
    }

    @Test
    void screenshotsShowVerdictColoursOnBothPages() throws Exception {
        Path targetShot = screenshot(page.toUri().toString(), "fake-broker.png");
        Path matrixShot = screenshot(OUT.resolve("index.html").toUri().toString(), "all-targets.png");

        for (Path shot : List.of(targetShot, matrixShot)) {
            BufferedImage image = ImageIO.read(shot.toFile());
            assertThat(image.getWidth()).isEqualTo(1280);
            // Badge backgrounds: a blank or unstyled page has none of these colours.
            assertThat(pixelsNear(image, 0xfde8e8)).as("fail badges in " + shot).isGreaterThan(200);
            assertThat(pixelsNear(image, 0xe3f3e8)).as("pass badges in " + shot).isGreaterThan(200);
        }
    }

    private static String dumpDom(String url) throws Exception {
        Path dom = OUT.resolve("dom-" + System.nanoTime() + ".html");
        chromium(List.of("--dump-dom", url), dom);
        return Files.readString(dom, StandardCharsets.UTF_8);
    }

    private static Path screenshot(String url, String name) throws Exception {
        Path png = OUT.resolve(name);
        chromium(List.of("--window-size=1280,1600", "--hide-scrollbars", "--screenshot=" + png, url),
                OUT.resolve(name + ".log"));
        assertThat(png).isRegularFile();
        return png;
    }

    private static void chromium(List<String> args, Path stdout) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        try {
            List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
            command.addAll(args);
            Process p = new ProcessBuilder(command).directory(OUT.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(OUT.resolve("chromium-stderr.log").toFile())
                    .start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
            }
            assertThat(p.exitValue()).as("chromium exit code, see " + OUT.resolve("chromium-stderr.log"))
                    .isZero();
        } finally {
            deleteRecursively(profile);
        }
    }

    private static int pixelsNear(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= 3
                        && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= 3
                        && Math.abs((p & 0xff) - (rgb & 0xff)) <= 3) {
                    count++;
                }
            }
        }
        return count;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
