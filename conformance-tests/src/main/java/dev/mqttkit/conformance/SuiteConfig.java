package dev.mqttkit.conformance;

import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.contract.Setting;
import dev.mqttkit.contract.Settings;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The suite's configuration, read once per run from the {@link Setting}s (system property, JUnit configuration
 * parameter or environment variable); the defaults live with the settings.
 */
public record SuiteConfig(String broker, String image, int imagePort, String imageConfig, String userName,
                          String password, String trustStore, String trustStorePassword, double timeoutScale,
                          String prefix, List<ProtocolVersion> versions, List<Pattern> only, String targetName,
                          String reportDir, String expectations, boolean strictExpectations) {

    public static SuiteConfig from(Settings settings) {
        String prefix = settings.given(Setting.PREFIX).orElseGet(SuiteConfig::randomPrefix);
        return new SuiteConfig(settings.get(Setting.BROKER), settings.get(Setting.IMAGE),
                Integer.parseInt(settings.get(Setting.IMAGE_PORT)), settings.get(Setting.IMAGE_CONFIG),
                settings.get(Setting.USERNAME), settings.get(Setting.PASSWORD), settings.get(Setting.TRUSTSTORE),
                settings.get(Setting.TRUSTSTORE_PASSWORD), Double.parseDouble(settings.get(Setting.TIMEOUT_SCALE)),
                prefix, versions(settings.get(Setting.VERSIONS)), globs(settings.get(Setting.ONLY)),
                settings.get(Setting.TARGET_NAME), settings.get(Setting.REPORT_DIR), settings.get(Setting.EXPECTATIONS),
                Boolean.parseBoolean(settings.get(Setting.STRICT_EXPECTATIONS)));
    }

    /** Whether a test checking {@code statementIds} runs under {@code mqtt.only}. */
    public boolean selects(Iterable<String> statementIds) {
        if (only.isEmpty()) {
            return true;
        }
        for (String id : statementIds) {
            for (Pattern p : only) {
                if (p.matcher(id).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<ProtocolVersion> versions(String text) {
        List<ProtocolVersion> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(ProtocolVersion.fromLabel(part));
            }
        }
        return List.copyOf(out);
    }

    private static List<Pattern> globs(String text) {
        if (text == null) {
            return List.of();
        }
        List<Pattern> out = new ArrayList<>();
        for (String glob : text.split(",")) {
            if (glob.isBlank()) {
                continue;
            }
            StringBuilder re = new StringBuilder();
            for (char c : glob.trim().toCharArray()) {
                re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
            out.add(Pattern.compile(re.toString()));
        }
        return List.copyOf(out);
    }

    /** Four lower-case letters and digits: short, because MQTT 3.1 client ids are at most 23 characters. */
    private static String randomPrefix() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom r = new SecureRandom();
        StringBuilder b = new StringBuilder("k");
        for (int i = 0; i < 4; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
