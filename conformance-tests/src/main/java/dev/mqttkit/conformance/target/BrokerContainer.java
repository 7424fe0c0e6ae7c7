package dev.mqttkit.conformance.target;

import java.time.Duration;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/** Any other MQTT broker image: ready when its MQTT port listens. */
public final class BrokerContainer extends GenericContainer<BrokerContainer> {
    private final int port;

    public BrokerContainer(String image, int port) {
        super(DockerImageName.parse(image));
        this.port = port;
        withExposedPorts(port);
        waitingFor(Wait.forListeningPort().withStartupTimeout(Duration.ofSeconds(60)));
    }

    /** Mounts a configuration file at {@code containerPath}. */
    public BrokerContainer withConfig(String hostPath, String containerPath) {
        return withFileSystemBind(hostPath, containerPath, BindMode.READ_ONLY);
    }

    public int port() {
        return getMappedPort(port);
    }
}
