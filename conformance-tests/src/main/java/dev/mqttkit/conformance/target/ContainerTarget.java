package dev.mqttkit.conformance.target;

import dev.mqttkit.conformance.client.Endpoint;

import dev.mqttkit.conformance.SuiteConfig;
import org.testcontainers.containers.GenericContainer;

/**
 * A broker image run through Testcontainers ({@code mqtt.broker.image}); the container is stopped when the run ends.
 */
public final class ContainerTarget implements Target {
    private final GenericContainer<?> container;
    private final String image;
    private final Endpoint endpoint;
    private final String name;

    private ContainerTarget(GenericContainer<?> container, String image, int port, String name) {
        this.container = container;
        this.image = image;
        this.endpoint = Endpoint.tcp(container.getHost(), port);
        this.name = name;
    }

    public static Target start(SuiteConfig config) {
        String image = config.image();
        String name = config.targetName() != null ? config.targetName() : sanitize(image);
        if (Images.isMosquitto(image) && config.imagePort() == MosquittoContainer.PORT) {
            MosquittoContainer c = new MosquittoContainer(image);
            if (config.imageConfig() != null) {
                c.withConfig(config.imageConfig());
            }
            c.start();
            return new ContainerTarget(c, image, c.port(), name);
        }
        BrokerContainer c = new BrokerContainer(image, config.imagePort());
        if (config.imageConfig() != null) {
            throw new IllegalArgumentException("mqtt.broker.image.config is supported for mosquitto images only; "
                    + "for " + image + " build an image with the configuration inside");
        }
        c.start();
        return new ContainerTarget(c, image, c.port(), name);
    }

    /** {@code local/mosquitto:2.0} becomes {@code local-mosquitto-2.0}: usable as a folder name. */
    static String sanitize(String image) {
        return image.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "container " + image + " at " + endpoint.host() + ":" + endpoint.port();
    }

    @Override
    public String image() {
        return image;
    }

    @Override
    public void close() {
        container.stop();
    }
}
