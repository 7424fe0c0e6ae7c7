package dev.mqttkit.conformance.clientside;

import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Qos;
import java.util.ArrayList;
import java.util.List;

/**
 * What one case tells the client driver, as the options of its command line. The options are defined here once and
 * documented in {@code clients/README.md}; a driver that does not know an optional one may ignore it only where the
 * README says so.
 *
 * @param prefix       the topic level all the case's topics live under: the driver subscribes to
 *                     {@code <prefix>/in/#}, republishes to {@code <prefix>/out/X}, unsubscribes on
 *                     {@code <prefix>/ctl/unsubscribe} and exits on {@code <prefix>/ctl/exit}
 * @param qos          the QoS of the driver's subscription
 * @param cleanSession the CleanSession flag of every CONNECT, reconnects included
 * @param will         the will, or null
 * @param userName     the user name, or null
 * @param password     the password, or null (only with a user name)
 */
public record DriverOptions(String url, String clientId, String prefix, Qos qos, int keepAliveSeconds,
                            boolean cleanSession, ProtocolVersion version, WillOption will, String userName,
                            String password) {

    /** A will the driver is to set: topic, UTF-8 message, QoS and retain flag. */
    public record WillOption(String topic, String message, Qos qos, boolean retain) {
    }

    public static DriverOptions of(String url, String clientId, String prefix, ProtocolVersion version) {
        return new DriverOptions(url, clientId, prefix, Qos.AT_LEAST_ONCE, 60, true, version, null, null, null);
    }

    public DriverOptions qos(Qos q) {
        return new DriverOptions(url, clientId, prefix, q, keepAliveSeconds, cleanSession, version, will, userName,
                password);
    }

    public DriverOptions keepAlive(int seconds) {
        return new DriverOptions(url, clientId, prefix, qos, seconds, cleanSession, version, will, userName, password);
    }

    public DriverOptions cleanSession(boolean clean) {
        return new DriverOptions(url, clientId, prefix, qos, keepAliveSeconds, clean, version, will, userName,
                password);
    }

    public DriverOptions will(WillOption w) {
        return new DriverOptions(url, clientId, prefix, qos, keepAliveSeconds, cleanSession, version, w, userName,
                password);
    }

    public DriverOptions credentials(String user, String pass) {
        return new DriverOptions(url, clientId, prefix, qos, keepAliveSeconds, cleanSession, version, will, user,
                pass);
    }

    /** The topic the client receives case messages on: {@code <prefix>/in/<suffix>}. */
    public String in(String suffix) {
        return prefix + "/in/" + suffix;
    }

    /** The topic the driver republishes {@code in(suffix)} to. */
    public String out(String suffix) {
        return prefix + "/out/" + suffix;
    }

    /** The topic that makes the driver unsubscribe from {@link #filter()}. */
    public String unsubscribeTopic() {
        return prefix + "/ctl/unsubscribe";
    }

    /** The topic that makes the driver disconnect and exit. */
    public String exitTopic() {
        return prefix + "/ctl/exit";
    }

    /** The subscription the driver makes. */
    public String filter() {
        return prefix + "/in/#";
    }

    /** The options as command-line arguments, appended to the driver's command. */
    public List<String> arguments() {
        List<String> a = new ArrayList<>(List.of("--url", url, "--client-id", clientId, "--prefix", prefix,
                "--qos", Integer.toString(qos.value()), "--keep-alive", Integer.toString(keepAliveSeconds),
                "--clean-session", Boolean.toString(cleanSession), "--protocol", version.label()));
        if (will != null) {
            a.addAll(List.of("--will-topic", will.topic(), "--will-message", will.message(),
                    "--will-qos", Integer.toString(will.qos().value()),
                    "--will-retain", Boolean.toString(will.retain())));
        }
        if (userName != null) {
            a.addAll(List.of("--username", userName));
        }
        if (password != null) {
            a.addAll(List.of("--password", password));
        }
        return List.copyOf(a);
    }
}
