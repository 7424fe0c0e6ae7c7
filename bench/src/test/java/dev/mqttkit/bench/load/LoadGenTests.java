package dev.mqttkit.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.codec.packet.Qos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The load generator against the embedded reference broker, at a size that proves it counts right, quickly. */
class LoadGenTests {
    private ReferenceBroker broker;

    @BeforeEach
    void startBroker() throws Exception {
        broker = ReferenceBroker.start(BrokerConfig.defaults().withPort(0));
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @ParameterizedTest
    @CsvSource({"0, 4, 1", "1, 4, 1", "0, 1, 5", "1, 1, 5"})
    void everyMessageIsDeliveredToEverySubscriberWithItsLatency(int qos, int publishers, int subscribers)
            throws Exception {
        Throughput.Result r = Throughput.run(new Throughput.Settings("127.0.0.1", broker.port(), Qos.of(qos),
                publishers, subscribers, 400, 32, 50, 30));

        assertThat(r.failure()).isNull();
        assertThat(r.expected()).isEqualTo(400L * subscribers);
        assertThat(r.delivered()).isEqualTo(r.expected());
        assertThat(r.latencies()).hasSize((int) r.expected());
        assertThat(r.latencies()[0]).as("smallest latency, ns").isPositive();
        assertThat(r.percentileMillis(99)).isLessThanOrEqualTo(r.percentileMillis(100));
        assertThat(r.perSecond()).isPositive();
    }

    @Test
    void floodRunsBackToBackForItsTimeAndSamplesTheBrokersMemory() throws Exception {
        Throughput.Settings shape = new Throughput.Settings("127.0.0.1", broker.port(), Qos.AT_LEAST_ONCE, 2, 2, 200,
                32, 50, 30);
        Flood.Result r = Flood.run(shape, 1, ProcessHandle.current().pid());

        assertThat(r.failure()).isNull();
        assertThat(r.delivered()).as("deliveries, whole runs of 2 x 200").isPositive().isEqualTo(
                r.delivered() / 400 * 400);
        assertThat(r.seconds()).isGreaterThanOrEqualTo(1.0);
        assertThat(r.rssBeforeKiB()).isPositive();
        assertThat(r.rssPeakKiB()).isGreaterThanOrEqualTo(Math.max(r.rssBeforeKiB(), r.rssEndKiB()));
    }

    @Test
    void idleConnectionsAreAllHeldAndAnswerAPing() throws Exception {
        IdleConnections.Result r = IdleConnections.run("127.0.0.1", broker.port(), 200,
                ProcessHandle.current().pid(), 30);

        assertThat(r.failure()).isNull();
        assertThat(r.connected()).isEqualTo(200);
        assertThat(r.held()).isEqualTo(200);
        assertThat(r.rssBeforeKiB()).isPositive();
        assertThat(r.rssAfterKiB()).isPositive();
    }
}
