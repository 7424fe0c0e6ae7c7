package dev.mqttkit.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.fixtures.PacketVector;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Disconnect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Pingreq;
import dev.mqttkit.codec.packet.Pingresp;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Pubcomp;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Subscribe;
import dev.mqttkit.codec.packet.Subscription;
import dev.mqttkit.codec.packet.Unsuback;
import dev.mqttkit.codec.packet.Unsubscribe;
import dev.mqttkit.codec.packet.Will;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One-line packet summaries in the style of mosquitto's verbose log ({@code PUBLISH (d0, q0, r0, m0, '/brook/L1', ...
 * (11 bytes))}, {@code CONNACK (0, 0)}): what transcripts and reports show, so the exact text matters.
 */
class SummaryTests {
    private static final ProtocolVersion V311 = ProtocolVersion.MQTT_3_1_1;

    static Stream<Arguments> oneOfEachType() {
        Connect full = Connect.of(V311, "c1", true, 60)
                .withWill(new Will("w/t", Payload.utf8("bye"), Qos.AT_LEAST_ONCE, true))
                .withCredentials("u", Payload.utf8("pw"));
        return Stream.of(
            Arguments.of(Connect.of(V311, "mosqsub/16408-jpr-Verit", true, 60),
                    "CONNECT ('mosqsub/16408-jpr-Verit', v4, c1, k60)"),
            Arguments.of(Connect.of(ProtocolVersion.MQTT_3_1, "c1", false, 0), "CONNECT ('c1', v3, c0, k0)"),
            Arguments.of(full, "CONNECT ('c1', v4, c1, k60, u'u', p(2 bytes), w(q1, r1, 'w/t', ... (3 bytes)))"),
            Arguments.of(Connack.accepted(false), "CONNACK (0, 0)"),
            Arguments.of(Connack.accepted(true), "CONNACK (1, 0)"),
            Arguments.of(Connack.refused(Connack.NOT_AUTHORIZED), "CONNACK (0, 5)"),
            Arguments.of(Publish.qos0("/brook/L1", Payload.utf8("hello world")),
                    "PUBLISH (d0, q0, r0, m0, '/brook/L1', ... (11 bytes))"),
            Arguments.of(new Publish(true, Qos.EXACTLY_ONCE, true, "a/b", 7, Payload.EMPTY),
                    "PUBLISH (d1, q2, r1, m7, 'a/b', ... (0 bytes))"),
            Arguments.of(new Puback(7), "PUBACK (m7)"),
            Arguments.of(new Pubrec(8), "PUBREC (m8)"),
            Arguments.of(new Pubrel(9), "PUBREL (m9)"),
            Arguments.of(new Pubrel(9, true), "PUBREL (d1, m9)"),
            Arguments.of(new Pubcomp(10), "PUBCOMP (m10)"),
            Arguments.of(new Subscribe(3, List.of(new Subscription("a/#", Qos.AT_LEAST_ONCE),
                    new Subscription("+", Qos.AT_MOST_ONCE))), "SUBSCRIBE (m3, 'a/#' q1, '+' q0)"),
            Arguments.of(new Subscribe(3, List.of(new Subscription("x", Qos.EXACTLY_ONCE)), true),
                    "SUBSCRIBE (d1, m3, 'x' q2)"),
            Arguments.of(Suback.of(3, 1, 0x80), "SUBACK (m3, [1, 128])"),
            Arguments.of(new Unsubscribe(4, List.of("a", "b/c")), "UNSUBSCRIBE (m4, 'a', 'b/c')"),
            Arguments.of(new Unsubscribe(4, List.of("a"), true), "UNSUBSCRIBE (d1, m4, 'a')"),
            Arguments.of(new Unsuback(65535), "UNSUBACK (m65535)"),
            Arguments.of(Pingreq.INSTANCE, "PINGREQ"),
            Arguments.of(Pingresp.INSTANCE, "PINGRESP"),
            Arguments.of(Disconnect.INSTANCE, "DISCONNECT"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("oneOfEachType")
    void summarizesLikeMosquittosLog(Packet packet, String expected) {
        assertThat(packet.summary()).isEqualTo(expected);
    }

    static Stream<Arguments> awkwardTopics() {
        return Stream.of(
            Arguments.of("a\nb", "'a\\x0ab'"),
            Arguments.of("tab\there", "'tab\\x09here'"),
            Arguments.of("nul\u0000", "'nul\\x00'"),
            Arguments.of("esc\u001b[31m", "'esc\\x1b[31m'"),
            Arguments.of("del\u007f", "'del\\x7f'"),
            Arguments.of("c1\u0085", "'c1\\x85'"),
            Arguments.of("it's", "'it\\x27s'"),
            Arguments.of("back\\slash", "'back\\x5cslash'"),
            Arguments.of("lone\uD800", "'lone\\ud800'"),
            Arguments.of("\u6e29\u5ea6/\u00fc\ud83d\ude00", "'\u6e29\u5ea6/\u00fc\ud83d\ude00'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("awkwardTopics")
    void escapesControlCharactersQuotesAndLoneSurrogatesButKeepsText(String topic, String quoted) {
        assertThat(Publish.qos0(topic, Payload.EMPTY).summary())
                .isEqualTo("PUBLISH (d0, q0, r0, m0, " + quoted + ", ... (0 bytes))");
        assertThat(Connect.of(V311, topic, true, 1).summary()).isEqualTo("CONNECT (" + quoted + ", v4, c1, k1)");
        assertThat(new Unsubscribe(1, List.of(topic)).summary()).isEqualTo("UNSUBSCRIBE (m1, " + quoted + ")");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mqttkit.codec.VectorTests#vectors")
    void everyVectorSummarizesAsOnePrintableLineNamingItsType(PacketVector v) {
        String summary = v.packet().summary();

        assertThat(summary).startsWith(v.packet().type().name());
        assertThat(summary.chars().allMatch(c -> c >= 0x20 && c != 0x7f)).as(summary).isTrue();
    }
}
