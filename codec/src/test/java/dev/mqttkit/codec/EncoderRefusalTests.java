package dev.mqttkit.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Subscribe;
import dev.mqttkit.codec.packet.Unsubscribe;
import dev.mqttkit.codec.packet.Will;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checked encoder refuses what a sender must not send, naming the rule, before writing a byte; the unchecked
 * encoder writes the same packet, so tests can play a faulty peer. Where the decoder enforces the rule too, it must
 * refuse the unchecked bytes with the same rule: sender and receiver read the specification alike.
 */
class EncoderRefusalTests {
    private static final ProtocolVersion V31 = ProtocolVersion.MQTT_3_1;
    private static final ProtocolVersion V311 = ProtocolVersion.MQTT_3_1_1;
    private static final Payload X = Payload.utf8("x");

    /**
     * @param unchecked     the bytes the unchecked encoder writes (all of them, or the start of a long packet)
     * @param decoderAgrees whether the strict decoder refuses those bytes with the same rule; false for rules a broker
     *                      answers with a CONNACK code, or that 3.1 receivers do not check
     */
    record Case(String name, ProtocolVersion version, Packet packet, Rule rule, String unchecked,
                boolean decoderAgrees) {
        @Override
        public String toString() {
            return "[" + version.label() + "] " + name;
        }
    }

    private static Connect connect(ProtocolVersion v, String clientId, boolean clean) {
        return Connect.of(v, clientId, clean, 60);
    }

    static Stream<Case> cases() {
        return Stream.of(
            new Case("PUBACK with packet id 0", V311, new Puback(0), Rule.PUBLISH_ACK_ID_ZERO, "40 02 00 00", true),
            new Case("PUBLISH QoS 1 with message id 0", V31, new Publish(false, Qos.AT_LEAST_ONCE, false, "a", 0, X),
                    Rule.PACKET_ID_ZERO, "32 06 00 01 61 00 00 78", true),
            new Case("SUBSCRIBE with packet id 0", V311, Subscribe.of(0, "a", Qos.AT_MOST_ONCE), Rule.PACKET_ID_ZERO,
                    "82 06 00 00 00 01 61 00", true),
            new Case("PUBREL with DUP", V311, new Pubrel(1, true), Rule.PUBREL_FLAGS, "6a 02 00 01", true),
            new Case("SUBSCRIBE with DUP", V311, new Subscribe(1, Subscribe.of(1, "a", Qos.AT_MOST_ONCE)
                    .subscriptions(), true), Rule.SUBSCRIBE_FLAGS, "8a 06 00 01 00 01 61 00", true),
            new Case("UNSUBSCRIBE with DUP", V311, new Unsubscribe(1, List.of("a"), true), Rule.UNSUBSCRIBE_FLAGS,
                    "aa 05 00 01 00 01 61", true),
            new Case("PUBLISH QoS 0 with DUP", V311, Publish.qos0("a", X).withDup(true),
                    Rule.PUBLISH_DUP_WITH_QOS_0, "38 04 00 01 61 78", true),
            new Case("topic with U+0000", V311, Publish.qos0("a\u0000b", X), Rule.UTF8_NULL_CHARACTER,
                    "30 06 00 03 61 00 62 78", true),
            new Case("topic of 65536 bytes", V311, Publish.qos0("a".repeat(65_536), X), Rule.STRING_TOO_LONG,
                    "30 83 80 04 00 00 61 61", false),
            new Case("password without user name", V311, connect(V311, "c1", true).withCredentials(null,
                    Payload.utf8("pw")), Rule.PASSWORD_WITHOUT_USER_NAME,
                    "10 12 00 04 4d 51 54 54 04 42 00 3c 00 02 63 31 00 02 70 77", true),
            new Case("empty client id without clean session", V311, connect(V311, "", false),
                    Rule.EMPTY_CLIENT_ID_WITHOUT_CLEAN_SESSION, "10 0c 00 04 4d 51 54 54 04 00 00 3c 00 00", false),
            new Case("empty client id", V31, connect(V31, "", true), Rule.CLIENT_ID_LENGTH,
                    "10 0e 00 06 4d 51 49 73 64 70 03 02 00 3c 00 00", false),
            new Case("24-character client id", V31, connect(V31, "abcdefghijklmnopqrstuvwx", true),
                    Rule.CLIENT_ID_LENGTH, "10 26 00 06 4d 51 49 73 64 70 03 02 00 3c 00 18 61 62 63", false),
            new Case("CONNACK return code 6", V311, new Connack(false, 6), Rule.CONNACK_RESERVED_CODE, "20 02 00 06",
                    true),
            new Case("CONNACK session present with code 5", V311, new Connack(true, 5),
                    Rule.CONNACK_SESSION_PRESENT_WITH_ERROR, "20 02 01 05", true),
            new Case("CONNACK session present", V31, new Connack(true, 0), Rule.CONNACK_RESERVED_FLAGS,
                    "20 02 01 00", false),
            new Case("empty topic", V311, Publish.qos0("", X), Rule.TOPIC_EMPTY, "30 03 00 00 78", true),
            new Case("topic 'a/+'", V31, Publish.qos0("a/+", X), Rule.TOPIC_NAME_WILDCARD, "30 06 00 03 61 2f 2b 78",
                    true),
            new Case("will topic '#'", V311, connect(V311, "c1", true).withWill(new Will("#", Payload.utf8("bye"),
                    Qos.AT_MOST_ONCE, false)), Rule.TOPIC_NAME_WILDCARD,
                    "10 16 00 04 4d 51 54 54 04 06 00 3c 00 02 63 31 00 01 23 00 03 62 79 65", true),
            new Case("filter 'a/#/b'", V311, Subscribe.of(1, "a/#/b", Qos.AT_MOST_ONCE),
                    Rule.FILTER_MULTI_LEVEL_WILDCARD, "82 0a 00 01 00 05 61 2f 23 2f 62 00", true),
            new Case("UNSUBSCRIBE filter 'a+'", V31, new Unsubscribe(1, List.of("a+")),
                    Rule.FILTER_SINGLE_LEVEL_WILDCARD, "a2 06 00 01 00 02 61 2b", true),
            new Case("SUBSCRIBE without filters", V311, new Subscribe(1, List.of()), Rule.SUBSCRIBE_EMPTY,
                    "82 02 00 01", true),
            new Case("UNSUBSCRIBE without filters", V31, new Unsubscribe(1, List.of()), Rule.UNSUBSCRIBE_EMPTY,
                    "a2 02 00 01", true),
            new Case("SUBACK failure 0x80", V31, Suback.of(1, 0x80), Rule.SUBACK_RESERVED_CODE, "90 03 00 01 80", true),
            new Case("SUBACK code 3", V311, Suback.of(1, 3), Rule.SUBACK_RESERVED_CODE, "90 03 00 01 03", true),
            new Case("SUBACK without return codes", V311, Suback.of(1), Rule.FIELD_PAST_END, "90 02 00 01", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checkedEncoderRefusesNamingTheRuleBeforeWritingAByte(Case c) {
        ByteBuffer out = ByteBuffer.allocate(1 << 17);

        MalformedPacketException e = catchThrowableOfType(MalformedPacketException.class,
                () -> MqttEncoder.of(c.version()).encode(c.packet(), out));

        assertThat(e).as("refusal").isNotNull();
        // A rule 3.1 lacks (a session-present flag, say) is reported under its 3.1.1 id.
        String id = c.rule().appliesTo(c.version()) ? c.rule().id(c.version()) : c.rule().id(V311);
        assertThat(e.rule()).isEqualTo(c.rule());
        assertThat(e.ruleId()).isEqualTo(id);
        assertThat(e.getMessage()).startsWith(id + ": ");
        assertThat(e.violation().offset()).isEqualTo(-1);
        assertThat(out.position()).isZero();
        assertThatThrownBy(() -> MqttEncoder.of(c.version()).encode(c.packet()))
                .isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> MqttEncoder.of(c.version()).encodedLength(c.packet()))
                .isInstanceOf(MalformedPacketException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void uncheckedEncoderWritesThePacketAsIs(Case c) {
        byte[] written = MqttEncoder.unchecked(c.version()).encode(c.packet());

        assertThat(Hex.format(written)).startsWith(c.unchecked());
        assertThat(written.length).isEqualTo(MqttEncoder.unchecked(c.version()).encodedLength(c.packet()));
    }

    static Stream<Case> decoderChecksToo() {
        return cases().filter(Case::decoderAgrees);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoderChecksToo")
    void strictDecoderRefusesTheUncheckedBytesWithTheSameRule(Case c) {
        byte[] written = MqttEncoder.unchecked(c.version()).encode(c.packet());
        DecoderOptions options = c.packet() instanceof Connect ? DecoderOptions.server()
                : DecoderOptions.client(c.version());

        DecodeResult result = new MqttDecoder(options).next(ByteBuffer.wrap(written));

        assertThat(result).isInstanceOf(DecodeResult.Malformed.class);
        assertThat(((DecodeResult.Malformed) result).violation().rule()).isEqualTo(c.rule());
    }

    @Test
    void unpairedSurrogateIsRefusedByBothEncodersSinceNoBytesCanCarryIt() {
        Publish p = Publish.qos0("a\uD800", X);

        MalformedPacketException e = catchThrowableOfType(MalformedPacketException.class,
                () -> MqttEncoder.of(V311).encode(p));

        assertThat(e.rule()).isEqualTo(Rule.UTF8_ILL_FORMED);
        assertThat(e.ruleId()).isEqualTo("MQTT-1.5.3-1");
        assertThatThrownBy(() -> MqttEncoder.unchecked(V311).encode(p)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void packetAboveTheProtocolMaximumIsRefusedEvenUnchecked() {
        // Remaining Length = 2 + 1 (topic "a") + payload = 268,435,456: one byte too many.
        Payload huge = Payload.adopt(new byte[MqttEncoder.MAX_REMAINING_LENGTH - 2], 0,
                MqttEncoder.MAX_REMAINING_LENGTH - 2);
        Publish p = Publish.qos0("a", huge);

        for (MqttEncoder encoder : new MqttEncoder[] {MqttEncoder.of(V311), MqttEncoder.unchecked(V311)}) {
            MalformedPacketException e = catchThrowableOfType(MalformedPacketException.class,
                    () -> encoder.encodedLength(p));
            assertThat(e.rule()).isEqualTo(Rule.PACKET_TOO_LARGE);
        }
    }
}
