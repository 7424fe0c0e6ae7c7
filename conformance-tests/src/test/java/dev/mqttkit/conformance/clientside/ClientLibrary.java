package dev.mqttkit.conformance.clientside;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The client libraries whose drivers live in {@code clients/} (see its README), each with the command that starts
 * its driver and whether it can run here. {@code -Dmqtt.clients.dir=PATH} points at that folder when the tests run
 * from elsewhere than the module's folder.
 */
enum ClientLibrary {
    PAHO_JAVA, MQTT_JS, PAHO_PYTHON;

    /** The library's folder under {@code clients/}, also the report's target name, e.g. {@code paho-java}. */
    String folder() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Path clientsDir() {
        return Path.of(System.getProperty("mqtt.clients.dir", "../clients")).toAbsolutePath().normalize();
    }

    /** The driver's command line. */
    String command() {
        Path dir = clientsDir().resolve(folder());
        return switch (this) {
            case PAHO_JAVA -> "'" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar '"
                    + dir.resolve("target/paho-java-driver.jar") + "'";
            case MQTT_JS -> "node '" + dir.resolve("driver.mjs") + "'";
            case PAHO_PYTHON -> "/usr/bin/python3 '" + dir.resolve("driver.py") + "'";
        };
    }

    /** Why the driver cannot run here, with what installs it; empty when it can. */
    Optional<String> missing() {
        Path dir = clientsDir().resolve(folder());
        return switch (this) {
            case PAHO_JAVA -> Files.exists(dir.resolve("target/paho-java-driver.jar")) ? Optional.empty()
                    : Optional.of("the Paho Java driver is not built: run clients/install.sh paho-java");
            case MQTT_JS -> Files.isDirectory(dir.resolve("node_modules/mqtt")) && runs("node", "--version")
                    ? Optional.empty()
                    : Optional.of("MQTT.js is not installed: run clients/install.sh mqtt-js (needs Node.js 20+)");
            case PAHO_PYTHON -> runs("/usr/bin/python3", "-c", "import paho.mqtt.client")
                    ? Optional.empty()
                    : Optional.of("Paho Python is not installed: apt-get install -y python3-paho-mqtt");
        };
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
