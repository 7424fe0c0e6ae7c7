package dev.mqttkit.clients.paho;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The client driver of the kit's client suite for Eclipse Paho Java (contract in clients/README.md): the asynchronous
 * client, so that republishing from the message callback never waits on the callback thread, with Paho's own
 * automatic reconnect and in-memory persistence of the session.
 */
public final class Driver implements MqttCallbackExtended {
    private final Map<String, String> opt;
    private final String prefix;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options = new MqttConnectOptions();

    private Driver(Map<String, String> opt) throws MqttException {
        this.opt = opt;
        this.prefix = opt.get("prefix");
        this.client = new MqttAsyncClient(opt.get("url"), opt.get("client-id"), new MemoryPersistence());
        options.setCleanSession(Boolean.parseBoolean(opt.get("clean-session")));
        options.setKeepAliveInterval(Integer.parseInt(opt.get("keep-alive")));
        options.setMqttVersion("3.1".equals(opt.get("protocol")) ? MqttConnectOptions.MQTT_VERSION_3_1
                : MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setAutomaticReconnect(true);
        if (opt.containsKey("will-topic")) {
            options.setWill(opt.get("will-topic"), opt.get("will-message").getBytes(StandardCharsets.UTF_8),
                    Integer.parseInt(opt.get("will-qos")), Boolean.parseBoolean(opt.get("will-retain")));
        }
        if (opt.containsKey("username")) {
            options.setUserName(opt.get("username"));
        }
        if (opt.containsKey("password")) {
            options.setPassword(opt.get("password").toCharArray());
        }
        client.setCallback(this);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Properties versions = new Properties();
        try (InputStream in = Driver.class.getResourceAsStream("/driver.properties")) {
            versions.load(in);
        }
        System.out.println("library: Eclipse Paho Java " + versions.getProperty("paho.version"));
        Driver d = new Driver(opt);
        d.client.connect(d.options);
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        System.out.println((reconnect ? "reconnected to " : "connected to ") + serverURI);
        if (!reconnect || options.isCleanSession()) {
            try {
                client.subscribe(prefix + "/in/#", Integer.parseInt(opt.get("qos")));
            } catch (MqttException e) {
                System.out.println("subscribe failed: " + e);
            }
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws MqttException {
        if (topic.equals(prefix + "/ctl/exit")) {
            new Thread(this::exit, "exit").start();
        } else if (topic.equals(prefix + "/ctl/unsubscribe")) {
            client.unsubscribe(prefix + "/in/#");
        } else if (topic.startsWith(prefix + "/in/")) {
            client.publish(prefix + "/out/" + topic.substring((prefix + "/in/").length()), message.getPayload(),
                    message.getQos(), false);
        }
    }

    private void exit() {
        try {
            client.disconnect().waitForCompletion(5000);
            client.close();
        } catch (MqttException e) {
            System.out.println("disconnect failed: " + e);
        }
        System.exit(0);
    }

    @Override
    public void connectionLost(Throwable cause) {
        System.out.println("connection lost: " + cause);
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
    }
}
