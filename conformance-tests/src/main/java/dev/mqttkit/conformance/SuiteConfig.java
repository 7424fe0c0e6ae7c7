package dev.mqttkit.conformance;

import dev.mqttkit.codec.packet.ProtocolVersion;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The suite's configuration: system properties, each with an environment variable as fallback
 * ({@code mqtt.broker} / {@code MQTT_BROKER}); the system property wins. The names are part of the contract with the
 * report and the command line, so they are spelled out here and nowhere else.
 */
public record SuiteConfig(String broker, String image, int imagePort, String imageConfig, String userName,
                          String password, String trustStore, String trustStorePassword, double timeoutScale,
                          String prefix, List<ProtocolVersion> versions, List<Pattern> only, String targetName,
                          String reportDir) {

    public static SuiteConfig load() {
        return from(System.getProperties()::getProperty, System.getenv());
    }

    /** Reads the configuration from a property lookup and an environment, for tests of the configuration itself. */
    public static SuiteConfig from(Function<String, String> properties, Map<String, String> env) {
        Function<String, String> get = key -> {
            String v = properties.apply(key);
            if (v == null || v.isBlank()) {
                v = env.get(key.toUpperCase(Locale.ROOT).replace('.', '_'));
            }
            return v == null || v.isBlank() ? null : v.trim();
        };
        String scale = Optional.ofNullable(get.apply("mqtt.timeout.scale")).orElse("1.0");
        String port = Optional.ofNullable(get.apply("mqtt.broker.image.port")).orElse("1883");
        String prefix = Optional.ofNullable(get.apply("mqtt.prefix")).orElseGet(SuiteConfig::randomPrefix);
        return new SuiteConfig(get.apply("mqtt.broker"), get.apply("mqtt.broker.image"), Integer.parseInt(port),
                get.apply("mqtt.broker.image.config"), get.apply("mqtt.username"), get.apply("mqtt.password"),
                get.apply("mqtt.truststore"), get.apply("mqtt.truststore.password"), Double.parseDouble(scale),
                prefix, versions(get.apply("mqtt.versions")), globs(get.apply("mqtt.only")),
                get.apply("mqtt.target.name"), Optional.ofNullable(get.apply("mqtt.report.dir")).orElse("reports"));
    }

    /** A wait of {@code base}, scaled for slow brokers. */
    public Duration scaled(Duration base) {
        return Duration.ofNanos((long) (base.toNanos() * timeoutScale));
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
        if (text == null) {
            return List.of(ProtocolVersion.MQTT_3_1, ProtocolVersion.MQTT_3_1_1);
        }
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
