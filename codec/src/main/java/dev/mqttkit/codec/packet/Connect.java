package dev.mqttkit.codec.packet;

/**
 * CONNECT (MQTT 3.1.1 section 3.1; MQTT 3.1 section 3.1). The protocol version is part of the packet: it decides the
 * protocol name and level on the wire and the rules every later packet on the connection follows.
 *
 * @param will     the will message, or {@code null} when the will flag is clear
 * @param userName the user name, or {@code null} when the user name flag is clear
 * @param password the password bytes, or {@code null} when the password flag is clear
 */
public record Connect(ProtocolVersion version, String clientId, boolean cleanSession, int keepAliveSeconds, Will will,
                      String userName, Payload password) implements Packet {

    public Connect {
        Checks.notNull("version", version);
        Checks.notNull("clientId", clientId);
        Checks.u16("keepAliveSeconds", keepAliveSeconds);
    }

    /** A CONNECT without will or credentials. */
    public static Connect of(ProtocolVersion version, String clientId, boolean cleanSession, int keepAliveSeconds) {
        return new Connect(version, clientId, cleanSession, keepAliveSeconds, null, null, null);
    }

    public Connect withWill(Will w) {
        return new Connect(version, clientId, cleanSession, keepAliveSeconds, w, userName, password);
    }

    public Connect withCredentials(String user, Payload pass) {
        return new Connect(version, clientId, cleanSession, keepAliveSeconds, will, user, pass);
    }

    @Override
    public PacketType type() {
        return PacketType.CONNECT;
    }

    @Override
    public String summary() {
        StringBuilder b = new StringBuilder("CONNECT (").append(Checks.quote(clientId))
                .append(", v").append(version.level())
                .append(", c").append(Checks.flag(cleanSession))
                .append(", k").append(keepAliveSeconds);
        if (userName != null) {
            b.append(", u").append(Checks.quote(userName));
        }
        if (password != null) {
            b.append(", p(").append(password.size()).append(" bytes)");
        }
        if (will != null) {
            b.append(", ").append(will.summary());
        }
        return b.append(')').toString();
    }
}
