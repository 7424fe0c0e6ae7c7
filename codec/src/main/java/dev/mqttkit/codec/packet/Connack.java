package dev.mqttkit.codec.packet;

/**
 * CONNACK (MQTT 3.1.1 section 3.2). The return code is kept as a number so that a broker's out-of-range code can be
 * decoded leniently and reported.
 *
 * @param sessionPresent the session-present flag; always false in MQTT 3.1, which has no such flag
 */
public record Connack(boolean sessionPresent, int returnCode) implements Packet {
    public static final int ACCEPTED = 0;
    public static final int UNACCEPTABLE_PROTOCOL_VERSION = 1;
    public static final int IDENTIFIER_REJECTED = 2;
    public static final int SERVER_UNAVAILABLE = 3;
    public static final int BAD_USER_NAME_OR_PASSWORD = 4;
    public static final int NOT_AUTHORIZED = 5;

    public Connack {
        Checks.u8("returnCode", returnCode);
    }

    public static Connack accepted(boolean sessionPresent) {
        return new Connack(sessionPresent, ACCEPTED);
    }

    public static Connack refused(int returnCode) {
        return new Connack(false, returnCode);
    }

    /** The return code's name in the specification's table, or {@code reserved}. */
    public static String describe(int returnCode) {
        return switch (returnCode) {
            case ACCEPTED -> "Connection Accepted";
            case UNACCEPTABLE_PROTOCOL_VERSION -> "unacceptable protocol version";
            case IDENTIFIER_REJECTED -> "identifier rejected";
            case SERVER_UNAVAILABLE -> "server unavailable";
            case BAD_USER_NAME_OR_PASSWORD -> "bad user name or password";
            case NOT_AUTHORIZED -> "not authorized";
            default -> "reserved";
        };
    }

    @Override
    public PacketType type() {
        return PacketType.CONNACK;
    }

    @Override
    public String summary() {
        return "CONNACK (" + Checks.flag(sessionPresent) + ", " + returnCode + ")";
    }
}
