package dev.mqttkit.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.mqttkit.codec.gen.Decoding;
import dev.mqttkit.codec.gen.Feed;
import dev.mqttkit.codec.gen.MqttGen;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * A topic name made of arbitrary bytes, checked against the JDK's own strict UTF-8 decoder (which, like MQTT 3.1.1
 * section 1.5.3, refuses overlong forms, encoded surrogates and code points above U+10FFFF): the strict decoder
 * accepts exactly the well-formed names, and reads them as the JDK does. The payload after the name is drawn from the
 * same bytes, so that a decoder looking past the end of the string finds something plausible there.
 */
class StringFieldPropertyTests {

    /** Bytes that make UTF-8 interesting: ASCII, wildcards, U+0000, and every class of lead and continuation byte. */
    private static Gen<byte[]> utf8ishBytes() {
        Gen<Integer> b = Generate.frequency(List.of(
                Pair.of(4, Generate.pick(List.of(0x61, 0x2f, 0x7f))),
                Pair.of(1, Generate.pick(List.of(0x00, 0x2b, 0x23))),
                Pair.of(6, integers().between(0x80, 0xBF)),
                Pair.of(1, Generate.pick(List.of(0xC0, 0xC1, 0xF5, 0xF8, 0xFF))),
                Pair.of(2, integers().between(0xC2, 0xDF)),
                Pair.of(3, Generate.pick(List.of(0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF))),
                Pair.of(2, Generate.pick(List.of(0xF0, 0xF1, 0xF3, 0xF4)))));
        return lists().of(b).ofSizeBetween(0, 8).map(l -> {
            byte[] out = new byte[l.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) (int) l.get(i);
            }
            return out;
        }).describedAs(Hex::format);
    }

    @Test
    void strictDecodingAcceptsExactlyTheWellFormedTopicNames() {
        qt().withExamples(3000).forAll(MqttGen.versions(), utf8ishBytes(), utf8ishBytes())
                .checkAssert(StringFieldPropertyTests::strictAcceptsExactlyTheWellFormed);
    }

    @Test
    void lenientDecodingReadsEveryTopicNameAndReportsOnlyStringAndTopicRules() {
        qt().withExamples(1000).forAll(MqttGen.versions(), utf8ishBytes(), utf8ishBytes())
                .checkAssert(StringFieldPropertyTests::lenientReadsEveryName);
    }

    private static void strictAcceptsExactlyTheWellFormed(ProtocolVersion v, byte[] topic, byte[] payload) {
        byte[] frame = RawFrame.builder(0x30).string(topic).bytes(payload).build();
        Decoding.Outcome out = Decoding.decode(DecoderOptions.client(v), frame, Feed.allAtOnce(Feed.Kind.HEAP));
        String jdk = strictUtf8(topic);
        boolean valid = jdk != null && Topics.isValidName(jdk)
                && (v == ProtocolVersion.MQTT_3_1 || jdk.indexOf('\0') < 0);
        assertThat(out.failure() == null).as("accepted %s in %s: %s", Hex.format(topic), v, out).isEqualTo(valid);
        if (valid) {
            assertThat(((Publish) out.packets().get(0)).topic()).isEqualTo(jdk);
        }
    }

    private static void lenientReadsEveryName(ProtocolVersion v, byte[] topic, byte[] payload) {
        Set<Rule> allowed = Set.of(Rule.UTF8_ILL_FORMED, Rule.UTF8_NULL_CHARACTER, Rule.TOPIC_EMPTY,
                Rule.TOPIC_NAME_WILDCARD);
        byte[] frame = RawFrame.builder(0x30).string(topic).bytes(payload).build();
        Feed feed = Feed.allAtOnce(Feed.Kind.HEAP);
        Decoding.Outcome strict = Decoding.decode(DecoderOptions.client(v), frame, feed);
        Decoding.Outcome lenient = Decoding.decode(DecoderOptions.client(v).asLenient(), frame, feed);
        assertThat(lenient.failure()).isNull();
        assertThat(lenient.decoded()).hasSize(1);
        List<Violation> found = lenient.decoded().get(0).violations();
        assertThat(found).extracting(Violation::rule).allMatch(allowed::contains);
        assertThat(found.isEmpty()).isEqualTo(strict.failure() == null);
    }

    /** The JDK's reading of {@code bytes}, or null if they are not well-formed UTF-8. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
