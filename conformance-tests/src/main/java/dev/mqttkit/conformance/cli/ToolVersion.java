package dev.mqttkit.conformance.cli;

import dev.mqttkit.contract.Catalogue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What {@code --tool-version} prints: the tool's and suite's version (one artifact, so one number), and which
 * statement catalogue its verdicts refer to. The catalogue has no version of its own, so it is named by its size and
 * a digest of its two files: two reports whose catalogue lines differ were judged against different texts.
 */
final class ToolVersion implements CommandLine.IVersionProvider {
    static final String UNKNOWN = "unknown";

    @Override
    public String[] getVersion() {
        Catalogue catalogue = Catalogue.load();
        return new String[] {
            "mqttkit-conformance " + version(),
            "suite: dev.mqttkit:mqttkit-conformance-tests " + version() + ", "
                    + catalogue.statements(Catalogue.V311).size() + " MQTT 3.1.1 statements and "
                    + catalogue.statements(Catalogue.V31).size() + " MQTT 3.1 differences in its catalogue",
            "catalogue: sha-256 " + digest(Catalogue.STATEMENTS_311, Catalogue.DIFFERENCES_31)
                    + " of " + Catalogue.STATEMENTS_311 + " and " + Catalogue.DIFFERENCES_31,
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }

    /** The version the build wrote into the tool's resources. */
    static String version() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", UNKNOWN);
            return v.startsWith("${") ? UNKNOWN : v;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /** The first 12 hex digits of the SHA-256 of the resources, in order; "unreadable" when one is missing. */
    static String digest(String... resources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String r : resources) {
                try (InputStream in = ToolVersion.class.getResourceAsStream(r)) {
                    if (in == null) {
                        return "unreadable (" + r + " missing)";
                    }
                    sha.update(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12).toLowerCase(Locale.ROOT);
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }
}
