package dev.mqttkit.report.html;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatementOrderTests {

    @Test
    void idsUnknownToTheCatalogueAreOrderedLikeTheSpecification() {
        List<String> ids = new ArrayList<>(List.of("MQTT-3.3.1-11", "MQTT-3.1.2-10", "MQTT-1.5.3-1",
                "MQTT-3.1.2-9", "MQTT-3.3.1-2", "MQTTv3.1-A-1", "MQTTv3.1-2.1-3"));

        ids.sort(MatrixPage::compareIds);

        assertThat(ids).containsExactly("MQTT-1.5.3-1", "MQTT-3.1.2-9", "MQTT-3.1.2-10", "MQTT-3.3.1-2",
                "MQTT-3.3.1-11", "MQTTv3.1-2.1-3", "MQTTv3.1-A-1");
    }
}
