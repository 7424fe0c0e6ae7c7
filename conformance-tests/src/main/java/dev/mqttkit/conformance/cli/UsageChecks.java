package dev.mqttkit.conformance.cli;

import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.conformance.clientside.DriverCommand;
import dev.mqttkit.conformance.expect.Expectations;
import dev.mqttkit.conformance.target.Targets;
import dev.mqttkit.contract.Setting;
import dev.mqttkit.contract.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checks every setting passes before anything starts, whether it came from an option, a system property or an
 * environment variable: a wrong value is one line saying what is wrong and what is accepted, and exit code 2, not a
 * run that fails later with a misleading hint.
 */
final class UsageChecks {

    /** A value the tool cannot work with; the message is the whole line the user sees. */
    static final class InvalidUsage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidUsage(String message) {
            super(message, null, false, false);
        }
    }

    private UsageChecks() {
    }

    /**
     * Checks the settings a run reads.
     *
     * @param report the folder the run writes to, or null for a run that writes nothing ({@code --list})
     */
    static void run(Settings settings, Path report) {
        String broker = settings.given(Setting.BROKER).orElse(null);
        String image = settings.given(Setting.IMAGE).orElse(null);
        if (broker != null && image != null) {
            throw new InvalidUsage("both a broker URL (" + broker + ") and an image (" + image + ") are given; give "
                    + "--broker to test a running broker or --image to start one, not both");
        }
        String client = settings.given(Setting.CLIENT).orElse(null);
        if (client != null) {
            try {
                DriverCommand.parse(client);
            } catch (IllegalArgumentException e) {
                throw new InvalidUsage("--client: " + e.getMessage());
            }
        }
        if (client != null && (broker != null || image != null)) {
            throw new InvalidUsage("a client driver (" + client + ") and a broker (" + (broker != null ? broker
                    : image) + ") are both given; give --client to test a client library, with the suite as its "
                    + "broker, or --broker/--image to test a broker, not both");
        }
        if (broker != null) {
            try {
                Targets.checkBroker(broker);
            } catch (IllegalArgumentException e) {
                throw new InvalidUsage("--broker: " + e.getMessage());
            }
        }
        versions(settings.get(Setting.VERSIONS));
        positive("--timeout-scale", settings.get(Setting.TIMEOUT_SCALE), "a number greater than 0, e.g. 2.5");
        port("--image-port", settings.get(Setting.IMAGE_PORT));
        settings.given(Setting.EXPECTATIONS).ifPresent(f -> expectations(Path.of(f)));
        if (report != null) {
            writableFolder("--report", report);
        }
    }

    static void versions(String list) {
        boolean any = false;
        for (String part : list.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            any = true;
            try {
                ProtocolVersion.fromLabel(part);
            } catch (IllegalArgumentException e) {
                throw new InvalidUsage("--version: '" + part.trim() + "' is not a protocol version the suite tests; "
                        + "expected 3.1, 3.1.1 or 3.1,3.1.1");
            }
        }
        if (!any) {
            throw new InvalidUsage("--version: no protocol version given; expected 3.1, 3.1.1 or 3.1,3.1.1");
        }
    }

    static void positive(String option, String value, String accepted) {
        double d;
        try {
            d = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidUsage(option + ": '" + value + "' is not a number; expected " + accepted);
        }
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new InvalidUsage(option + ": " + value + " is not greater than 0; expected " + accepted);
        }
    }

    static void port(String option, String value) {
        try {
            int p = Integer.parseInt(value.trim());
            if (p >= 1 && p <= 65535) {
                return;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InvalidUsage(option + ": '" + value + "' is not a port; expected 1..65535");
    }

    static int parallelism(int n) {
        if (n < 1) {
            throw new InvalidUsage("--parallelism: " + n + " is less than 1; expected 1 (one test after another) "
                    + "or more");
        }
        return n;
    }

    /** Reads the expectations file, so a mistake in it is found before the broker is touched. */
    static Expectations expectations(Path file) {
        try {
            return Expectations.read(file);
        } catch (IllegalArgumentException e) {
            throw new InvalidUsage("--expect: " + e.getMessage());
        }
    }

    /** Creates the folder if needed and proves a file can be written in it. */
    static void writableFolder(String option, Path folder) {
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".mqttkit-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new InvalidUsage(option + ": cannot write to the folder " + folder.toAbsolutePath().normalize()
                    + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); expected a folder this user can create and write");
        }
    }

    /** Proves that {@code file} can be written once the run is over: its folder is writable, it is no folder. */
    static void writableFile(String option, Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidUsage(option + ": " + file + " is a folder; expected a file name");
        }
        Path parent = file.toAbsolutePath().normalize().getParent();
        if (parent != null) {
            writableFolder(option, parent);
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new InvalidUsage(option + ": " + file + " exists and cannot be written; expected a writable file");
        }
    }
}
