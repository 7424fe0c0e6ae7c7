package dev.mqttkit.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.mqttkit.codec.gen.MqttGen;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.PacketType;
import dev.mqttkit.codec.packet.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The table of packet codecs: one for each of the fourteen type nibbles and none for the reserved two, and each one,
 * on its own, reads back exactly the body it writes for every valid packet of its type in both versions.
 */
class PacketCodecsTests {

    static Stream<Arguments> versionsAndTypes() {
        return Arrays.stream(ProtocolVersion.values())
                .flatMap(v -> Arrays.stream(PacketType.values()).map(t -> Arguments.of(v, t)));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("versionsAndTypes")
    void eachTypeNibbleHasTheCodecOfItsTypeWhichReadsBackTheBodyItWrites(ProtocolVersion v, PacketType type) {
        assertThat(PacketCodecs.defines(type.value())).isTrue();
        assertThat(PacketCodecs.forType(type.value()).type()).isEqualTo(type);

        qt().withExamples(100).forAll(MqttGen.ofType(type, v)).checkAssert(p -> {
            assertThat(PacketCodecs.of(p).type()).isEqualTo(type);
            assertThat(decodedBody(v, p)).isEqualTo(p);
        });
    }

    @ParameterizedTest(name = "type nibble {0}")
    @ValueSource(ints = {0, 15})
    void reservedTypeNibblesHaveNoCodec(int nibble) {
        assertThat(PacketCodecs.defines(nibble)).isFalse();
        assertThatThrownBy(() -> PacketCodecs.forType(nibble))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("packet type " + nibble + " is reserved");
    }

    @Test
    void everyNibbleIsEitherATypeOrReserved() {
        long defined = Stream.iterate(0, n -> n + 1).limit(16).filter(PacketCodecs::defines).count();

        assertThat(defined).isEqualTo(PacketType.values().length);
    }

    /**
     * Checks, measures, writes and reads {@code packet} through its codec alone, without the framing: the sender rules
     * pass, the body has exactly the Remaining Length, and the strict reading of it, with the flags the codec writes,
     * consumes all of it.
     */
    private static <P extends Packet> Packet decodedBody(ProtocolVersion v, P packet) {
        PacketCodec<P> codec = PacketCodecs.of(packet);
        codec.checkSender(packet, v);
        int length = Math.toIntExact(codec.remainingLength(packet));
        ByteBuffer body = ByteBuffer.allocate(length);
        codec.writeBody(packet, body);
        assertThat(body.position()).as("bytes written").isEqualTo(length);

        PacketReader reader = new PacketReader();
        reader.reset(body.array(), 0, length, 1 + MqttEncoder.lengthFieldSize(length), v, false, false);
        Packet decoded = codec.decode(codec.flags(packet), reader);
        assertThat(reader.remaining()).as("bytes left unread").isZero();
        assertThat(reader.violations()).isEmpty();
        return decoded;
    }
}
