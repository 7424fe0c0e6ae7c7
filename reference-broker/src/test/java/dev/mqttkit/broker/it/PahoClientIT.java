package dev.mqttkit.broker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.ReferenceBroker;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Interoperability with the Eclipse Paho Java client (MQTT 3.1 and 3.1.1). */
class PahoClientIT {
    private ReferenceBroker broker;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        broker = ReferenceBroker.start(BrokerConfig.defaults());
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    private MqttClient client(String id) throws MqttException {
        return new MqttClient("tcp://127.0.0.1:" + broker.port(), id, new MemoryPersistence());
    }

    private static MqttConnectOptions options(boolean clean, int version) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(clean);
        o.setMqttVersion(version);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(30);
        return o;
    }

    private void subscribe(MqttClient c, String filter, int qos) throws MqttException {
        c.subscribe(filter, qos, (topic, m) -> received.add(topic + " " + new String(m.getPayload()) + " q"
                + m.getQos() + (m.isRetained() ? " retained" : "")));
    }

    private String next() throws InterruptedException {
        String s = received.poll(10, TimeUnit.SECONDS);
        assertThat(s).as("a message within 10 s").isNotNull();
        return s;
    }

    private static MqttMessage message(String payload, int qos) {
        MqttMessage m = new MqttMessage(payload.getBytes());
        m.setQos(qos);
        return m;
    }

    @ParameterizedTest(name = "MQTT version {0}, QoS {1}")
    @CsvSource({"3,0", "3,1", "3,2", "4,0", "4,1", "4,2"})
    void deliversAtEveryQos(int version, int qos) throws Exception {
        MqttClient sub = client("sub");
        MqttClient pub = client("pub");
        sub.connect(options(true, version));
        subscribe(sub, "paho/#", 2);
        pub.connect(options(true, version));
        pub.publish("paho/t", message("m" + qos, qos));
        assertThat(next()).isEqualTo("paho/t m" + qos + " q" + qos);
        pub.disconnect();
        sub.disconnect();
        pub.close();
        sub.close();
    }

    @Test
    void resumesAPersistentSessionWithQueuedMessagesInOrder() throws Exception {
        MqttClient durable = client("durable");
        IMqttToken first = durable.connectWithResult(options(false, 4));
        assertThat(first.getSessionPresent()).isFalse();
        subscribe(durable, "orders", 1);
        durable.disconnect();

        MqttClient pub = client("pub");
        pub.connect(options(true, 4));
        for (int i = 1; i <= 5; i++) {
            pub.publish("orders", message("o" + i, 1));
        }
        pub.disconnect();
        pub.close();

        durable.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                received.add(topic + " " + new String(m.getPayload()) + " q" + m.getQos());
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
            }
        });
        IMqttToken again = durable.connectWithResult(options(false, 4));
        assertThat(again.getSessionPresent()).isTrue();
        for (int i = 1; i <= 5; i++) {
            assertThat(next()).isEqualTo("orders o" + i + " q1");
        }
        durable.disconnect();
        durable.close();
    }

    @Test
    void publishesTheWillOfAClientThatVanishesAndNotOfOneThatDisconnects() throws Exception {
        MqttClient watcher = client("watcher");
        watcher.connect(options(true, 4));
        subscribe(watcher, "status/#", 1);

        MqttClient polite = client("polite");
        MqttConnectOptions politeOptions = options(true, 4);
        politeOptions.setWill("status/polite", "gone".getBytes(), 1, false);
        polite.connect(politeOptions);
        polite.disconnect();
        polite.close();

        MqttClient rude = client("rude");
        MqttConnectOptions rudeOptions = options(true, 4);
        rudeOptions.setWill("status/rude", "lost".getBytes(), 1, true);
        rude.connect(rudeOptions);
        rude.disconnectForcibly(0, 1000, false); // no DISCONNECT packet: an abnormal close
        rude.close();

        assertThat(next()).isEqualTo("status/rude lost q1");
        MqttClient late = client("late");
        late.connect(options(true, 4));
        subscribe(late, "status/rude", 1);
        assertThat(next()).isEqualTo("status/rude lost q1 retained");
        late.disconnect();
        late.close();
        watcher.disconnect();
        watcher.close();
        assertThat(received).as("nothing else, in particular no will from 'polite'").isEmpty();
    }
}
