package dev.mqttkit.conformance.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.conformance.expect.Expectations;
import dev.mqttkit.conformance.target.Images;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The whole suite against mosquitto in a container started through the container target ({@code mqtt.broker.image}),
 * compared with the same audited expectations as the direct run. Skipped without a container engine; on these machines
 * the image is built without a registry by {@code src/test/docker/build-mosquitto-image.sh}.
 */
@Testcontainers(disabledWithoutDocker = true)
class MosquittoContainerIT {

    @Test
    void verdictsAgainstMosquittoInAContainerMatchItsAuditedExpectations() throws Exception {
        String image = System.getProperty("mqtt.broker.image", Images.LOCAL_MOSQUITTO);
        Assumptions.assumeTrue(imagePresent(image), "image " + image
                + " is not present; build it with conformance-tests/src/test/docker/build-mosquitto-image.sh");
        List<SuiteRun.Result> results = SuiteRun.run(Map.of("mqtt.broker.image", image,
                "mqtt.target.name", "mosquitto-container"));
        Expectations expected = Expectations.read(Path.of("src/test/resources/expectations/mosquitto.json"));
        assertThat(results).hasSizeGreaterThan(100);
        assertThat(ExpectedVerdicts.differences(expected, results))
                .as("verdicts against mosquitto in a container that differ from its audited expectations").isEmpty();
    }

    private static boolean imagePresent(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (RuntimeException notThere) {
            return false;
        }
    }
}
