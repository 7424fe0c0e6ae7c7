package dev.mqttkit.broker.protocol;

import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Checks a CONNECT's credentials against the password table (MQTT 3.1.1 section 3.1.3.4-5). Without a table every
 * client is accepted. With one, a CONNECT without a user name gets 0x05 (not authorized) and an unknown user or a wrong
 * password gets 0x04 (bad user name or password), as mosquitto answers.
 */
final class Authenticator {
    private final Map<String, String> passwords;

    Authenticator(Map<String, String> passwords) {
        this.passwords = passwords;
    }

    /** The CONNACK return code for {@code connect}: {@link Connack#ACCEPTED} or the refusal. */
    int check(Connect connect) {
        if (passwords == null) {
            return Connack.ACCEPTED;
        }
        if (connect.userName() == null) {
            return Connack.NOT_AUTHORIZED;
        }
        String expected = passwords.get(connect.userName());
        if (expected == null || connect.password() == null) {
            return Connack.BAD_USER_NAME_OR_PASSWORD;
        }
        boolean same = MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                connect.password().toByteArray());
        return same ? Connack.ACCEPTED : Connack.BAD_USER_NAME_OR_PASSWORD;
    }
}
