package dev.mqttkit.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.fixtures.MalformedCase;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malformed corpus in {@code fixtures/malformed/}: a strict decoder refuses each entry naming exactly its rule and
 * stays refused; a lenient one either stops too ({@code fatal}) or decodes the packet and lists the rule.
 */
class MalformedCorpusTests {
    private static final byte[] PINGREQ = {(byte) 0xC0, 0x00};

    /** Rules no byte sequence can break in a decoder's eyes: the encoder's and the broker's, or a local limit. */
    private static final Set<Rule> NOT_DECODING_RULES = EnumSet.of(Rule.STRING_TOO_LONG,
            Rule.EMPTY_CLIENT_ID_WITHOUT_CLEAN_SESSION, Rule.CLIENT_ID_LENGTH, Rule.PACKET_TOO_LARGE);

    static Stream<MalformedCase> corpus() {
        return MalformedCase.all().stream();
    }

    static Stream<MalformedCase> sentToServerAfterConnect() {
        return corpus().filter(c -> c.toServer() && !isConnect(c));
    }

    private static boolean isConnect(MalformedCase c) {
        return (c.bytes()[0] & 0xF0) == 0x10;
    }

    /** A broker reads a CONNECT without knowing the version; everything else by the version already agreed. */
    private static DecoderOptions strict(MalformedCase c) {
        return isConnect(c) ? DecoderOptions.server() : DecoderOptions.client(c.version());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void strictDecoderRefusesWithExactlyTheRuleAndStaysTerminal(MalformedCase c) {
        MqttDecoder decoder = new MqttDecoder(strict(c));

        DecodeResult result = decoder.next(ByteBuffer.wrap(c.bytes()));

        assertMalformed(result, c.ruleName(), c.rule());
        assertThat(((DecodeResult.Malformed) result).violation().offset())
                .as("offset of the offending byte, or of a missing field at the packet's end")
                .isLessThanOrEqualTo(c.bytes().length);
        assertThat(decoder.isTerminated()).isTrue();
        assertThat(decoder.next(ByteBuffer.wrap(PINGREQ))).isEqualTo(result);
        assertThat(decoder.next(ByteBuffer.wrap(c.bytes()))).isEqualTo(result);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void strictDecoderRefusesTheSameWayFedOneByteAtATime(MalformedCase c) {
        MqttDecoder decoder = new MqttDecoder(strict(c));
        byte[] bytes = c.bytes();
        DecodeResult result = DecodeResult.NeedMoreBytes.INSTANCE;

        for (int i = 0; i < bytes.length && result instanceof DecodeResult.NeedMoreBytes; i++) {
            result = decoder.next(ByteBuffer.wrap(bytes, i, 1));
        }

        assertMalformed(result, c.ruleName(), c.rule());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sentToServerAfterConnect")
    void brokerDecoderRefusesWithTheSameRuleAfterAConnectOfTheVersion(MalformedCase c) {
        byte[] connect = MqttEncoder.of(c.version()).encode(Connect.of(c.version(), "c1", true, 60));
        ByteBuffer in = ByteBuffer.allocate(connect.length + c.bytes().length).put(connect).put(c.bytes()).flip();
        MqttDecoder decoder = new MqttDecoder(DecoderOptions.server());

        assertThat(decoder.next(in)).isInstanceOf(DecodeResult.Decoded.class);
        assertMalformed(decoder.next(in), c.ruleName(), c.rule());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void lenientDecoderStopsOnlyWhereTheEntryIsFatal(MalformedCase c) {
        MqttDecoder decoder = new MqttDecoder(strict(c).asLenient());
        ByteBuffer in = ByteBuffer.wrap(c.bytes());

        DecodeResult result = decoder.next(in);

        if (c.fatal()) {
            Rule stop = c.lenientRule() != null ? c.lenientRule() : c.ruleName();
            assertMalformed(result, stop, stop.id(c.version()));
            assertThat(decoder.isTerminated()).isTrue();
        } else {
            assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
            DecodeResult.Decoded d = (DecodeResult.Decoded) result;
            assertThat(d.violations()).isNotEmpty();
            assertThat(d.violations().get(0).rule()).isEqualTo(c.ruleName());
            assertThat(d.violations().get(0).ruleId()).isEqualTo(c.rule());
            assertThat(d.length()).isEqualTo(c.bytes().length);
            assertThat(decoder.isTerminated()).isFalse();
            assertThat(decoder.next(ByteBuffer.wrap(PINGREQ))).isInstanceOf(DecodeResult.Decoded.class);
        }
    }

    private static void assertMalformed(DecodeResult result, Rule rule, String ruleId) {
        assertThat(result).isInstanceOf(DecodeResult.Malformed.class);
        Violation v = ((DecodeResult.Malformed) result).violation();
        assertThat(v.ruleId()).as("rule id in %s", v).isEqualTo(ruleId);
        assertThat(v.rule()).as("rule of %s", v).isEqualTo(rule);
        assertThat(v.message()).startsWith(ruleId + ": ");
        assertThat(v.offset()).isNotNegative();
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void corpusCoversEveryDecodingRuleOfEachVersion(ProtocolVersion version) {
        Set<Rule> covered = EnumSet.noneOf(Rule.class);
        corpus().filter(c -> c.version() == version).forEach(c -> covered.add(c.ruleName()));
        Set<Rule> expected = EnumSet.noneOf(Rule.class);
        for (Rule r : Rule.values()) {
            // Before the protocol name is read a broker cannot know the version, so a bad name is a 3.1.1 finding.
            boolean unknowable = r == Rule.PROTOCOL_NAME && version == ProtocolVersion.MQTT_3_1;
            if (r.appliesTo(version) && !NOT_DECODING_RULES.contains(r) && !unknowable) {
                expected.add(r);
            }
        }

        assertThat(covered).containsAll(expected);
    }

    @Test
    void everyEntryNamesTheIdItsRuleHasInItsVersion() {
        corpus().forEach(c -> {
            assertThat(c.ruleName().appliesTo(c.version())).as("%s", c).isTrue();
            assertThat(c.rule()).as("%s", c).isEqualTo(c.ruleName().id(c.version()));
            assertThat(Hex.format(c.bytes())).as("%s", c).isEqualTo(c.hex());
        });
    }

    @Test
    void entriesMarkedTrailingGoOnPastTheirRemainingLength() {
        corpus().filter(MalformedCase::trailing).forEach(c -> {
            byte[] b = c.bytes();
            int length = 0;
            int i = 1;
            do {
                length |= (b[i] & 0x7F) << (7 * (i - 1));
            } while ((b[i++] & 0x80) != 0);
            assertThat(b.length).as("%s", c).isGreaterThan(i + length);
        });
        assertThat(corpus().filter(MalformedCase::trailing).count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void entryNamesAreUniqueWithinAFileAndVersion() {
        Set<String> seen = new HashSet<>();
        corpus().forEach(c -> assertThat(seen.add(c.toString() + c.receiver())).as("duplicate %s", c).isTrue());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void packetAboveTheConfiguredMaximumIsRefusedFromItsHeaderAlone(ProtocolVersion version) {
        byte[] fits = MqttEncoder.of(version).encode(Publish.qos0("a/b", Payload.of(new byte[9]))); // 2 + 5 + 9
        byte[] tooBig = MqttEncoder.of(version).encode(Publish.qos0("a/b", Payload.of(new byte[10])));
        DecoderOptions sixteen = DecoderOptions.client(version).withMaxPacketSize(16);

        assertThat(new MqttDecoder(sixteen).next(ByteBuffer.wrap(fits))).isInstanceOf(DecodeResult.Decoded.class);
        for (DecoderOptions options : new DecoderOptions[] {sixteen, sixteen.asLenient()}) {
            ByteBuffer headerOnly = ByteBuffer.wrap(tooBig, 0, 2);
            DecodeResult result = new MqttDecoder(options).next(headerOnly);
            assertMalformed(result, Rule.PACKET_TOO_LARGE, "LIMIT-max-packet-size");
            assertThat(headerOnly.position()).isEqualTo(2);
        }
    }

    @Test
    void packetAboveTheMaximumIsRefusedWhenItsBodyArrivesInTheSameBuffer() {
        byte[] big = MqttEncoder.of(ProtocolVersion.MQTT_3_1_1).encode(
                new Publish(false, Qos.AT_LEAST_ONCE, false, "t", 1, Payload.of(new byte[200])));
        MqttDecoder decoder = new MqttDecoder(DecoderOptions.server().withMaxPacketSize(100));

        assertMalformed(decoder.next(ByteBuffer.wrap(big)), Rule.PACKET_TOO_LARGE, "LIMIT-max-packet-size");
        assertThat(decoder.isTerminated()).isTrue();
    }
}
