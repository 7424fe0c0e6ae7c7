package dev.mqttkit.conformance.target;

import java.time.Duration;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Mosquitto in a container. Ready when mosquitto logs that it is running: the port proxy accepts connections
 * earlier, before the broker listens.
 */
public final class MosquittoContainer extends GenericContainer<MosquittoContainer> {
    public static final int PORT = 1883;

    public MosquittoContainer(String image) {
        super(DockerImageName.parse(image));
        withExposedPorts(PORT);
        waitingFor(Wait.forLogMessage(".*mosquitto version .* running.*", 1)
                .withStartupTimeout(Duration.ofSeconds(60)));
    }

    /** Mounts a mosquitto configuration file (it must open a listener on port 1883 on all interfaces). */
    public MosquittoContainer withConfig(String hostPath) {
        return withFileSystemBind(hostPath, "/mosquitto/config/mosquitto.conf", BindMode.READ_ONLY);
    }

    public int port() {
        return getMappedPort(PORT);
    }
}
