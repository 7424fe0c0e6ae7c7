package dev.mqttkit.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.fixtures.PacketVector;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.PacketType;
import dev.mqttkit.codec.packet.ProtocolVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written vectors in {@code fixtures/vectors/}, checked in both directions: the decoder must produce the
 * packet the fields describe, and the encoder must produce exactly the bytes. The bytes were written from the
 * specifications, not by running the encoder, so an encoder and decoder that agree on wrong bytes fail here.
 */
class VectorTests {

    static Stream<PacketVector> vectors() {
        return PacketVector.all().stream();
    }

    static Stream<PacketVector> encodable() {
        return vectors().filter(v -> !v.decodeOnly());
    }

    /** What a receiver of this packet would use: a broker learns the version from the CONNECT. */
    static DecoderOptions optionsFor(PacketVector v) {
        return v.packet() instanceof Connect
                ? DecoderOptions.server() : DecoderOptions.client(v.version());
    }

    static MqttDecoder decoderFor(PacketVector v) {
        return new MqttDecoder(optionsFor(v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodesTheBytesToThePacketStrictly(PacketVector v) {
        byte[] bytes = v.bytes();
        ByteBuffer in = ByteBuffer.wrap(bytes);

        DecodeResult result = decoderFor(v).next(in);

        assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
        DecodeResult.Decoded d = (DecodeResult.Decoded) result;
        assertThat(d.packet()).isEqualTo(v.packet());
        assertThat(d.violations()).isEmpty();
        assertThat(d.length()).isEqualTo(bytes.length);
        assertThat(in.hasRemaining()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void lenientDecoderFindsNothingToReport(PacketVector v) {
        MqttDecoder lenient = new MqttDecoder(optionsFor(v).asLenient());

        DecodeResult result = lenient.next(ByteBuffer.wrap(v.bytes()));

        assertThat(result).isEqualTo(new DecodeResult.Decoded(v.packet(), v.bytes().length, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodable")
    void encodesThePacketToExactlyTheBytes(PacketVector v) {
        MqttEncoder encoder = MqttEncoder.of(v.version());
        byte[] expected = v.bytes();

        assertThat(Hex.format(encoder.encode(v.packet()))).isEqualTo(v.hex());
        assertThat(encoder.encode(v.packet())).isEqualTo(expected);
        assertThat(encoder.encodedLength(v.packet())).isEqualTo(expected.length);

        ByteBuffer out = ByteBuffer.allocate(expected.length + 3).position(3);
        encoder.encode(v.packet(), out);
        assertThat(out.position()).isEqualTo(expected.length + 3);
        assertThat(java.util.Arrays.copyOfRange(out.array(), 3, out.position())).isEqualTo(expected);
    }

    static Stream<PacketVector> decodeOnlyWithCanonicalForm() {
        return vectors().filter(v -> v.decodeOnly() && v.encodesAs() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decodeOnlyWithCanonicalForm")
    void decodeOnlyBytesEncodeInTheirMinimalForm(PacketVector v) {
        byte[] written = MqttEncoder.of(v.version()).encode(v.packet());

        assertThat(Hex.format(written)).isEqualTo(v.encodesAs());
        assertThat(written).isNotEqualTo(v.bytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodesTheSamePacketFedOneByteAtATime(PacketVector v) {
        byte[] bytes = v.bytes();
        MqttDecoder decoder = decoderFor(v);

        for (int i = 0; i < bytes.length - 1; i++) {
            DecodeResult partial = decoder.next(ByteBuffer.wrap(bytes, i, 1));
            assertThat(partial).as("after byte %d of %d", i + 1, bytes.length)
                    .isInstanceOf(DecodeResult.NeedMoreBytes.class);
        }
        DecodeResult last = decoder.next(ByteBuffer.wrap(bytes, bytes.length - 1, 1));

        assertThat(last).isEqualTo(new DecodeResult.Decoded(v.packet(), bytes.length, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodesTheSamePacketFromADirectBuffer(PacketVector v) {
        byte[] bytes = v.bytes();
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();

        DecodeResult result = decoderFor(v).next(direct);

        assertThat(result).isEqualTo(new DecodeResult.Decoded(v.packet(), bytes.length, List.of()));
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void decodesEveryVectorOfAVersionConcatenatedInOneBuffer(ProtocolVersion version) {
        List<PacketVector> sameVersion = vectors().filter(v -> v.version() == version).toList();

        List<Packet> clientSide = decodeAll(new MqttDecoder(DecoderOptions.client(version)), sameVersion);

        assertThat(clientSide).containsExactlyElementsOf(sameVersion.stream().map(PacketVector::packet).toList());
    }

    /** A broker's decoder reads by 3.1.1 rules until a CONNECT says otherwise; 3.1-only bytes need the switch. */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void serverDecoderLearnsTheVersionFromTheConnectAndDecodesTheRest(ProtocolVersion version) {
        List<PacketVector> connectFirst = vectors().filter(v -> v.version() == version)
                .sorted(Comparator.comparing(v -> v.packet().type() != PacketType.CONNECT)).toList();
        MqttDecoder decoder = new MqttDecoder(DecoderOptions.server());

        List<Packet> decoded = decodeAll(decoder, connectFirst);

        assertThat(decoded).containsExactlyElementsOf(connectFirst.stream().map(PacketVector::packet).toList());
        assertThat(decoder.version()).isEqualTo(version);
    }

    private static List<Packet> decodeAll(MqttDecoder decoder, List<PacketVector> vectors) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        vectors.forEach(v -> all.writeBytes(v.bytes()));
        ByteBuffer in = ByteBuffer.wrap(all.toByteArray());
        List<Packet> out = new ArrayList<>();
        while (in.hasRemaining()) {
            DecodeResult r = decoder.next(in);
            assertThat(r).as("packet %d (%s)", out.size(), vectors.get(Math.min(out.size(), vectors.size() - 1)))
                    .isInstanceOf(DecodeResult.Decoded.class);
            DecodeResult.Decoded d = (DecodeResult.Decoded) r;
            assertThat(d.violations()).isEmpty();
            out.add(d.packet());
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyPacketTypeHasEncodableVectorsInEveryVersion(ProtocolVersion version) {
        Set<PacketType> covered = encodable().filter(v -> v.version() == version)
                .map(v -> v.packet().type()).collect(Collectors.toCollection(() -> EnumSet.noneOf(PacketType.class)));

        assertThat(covered).containsExactlyInAnyOrder(PacketType.values());
    }

    @Test
    void vectorHexIsWrittenInLowerCaseSpacedPairs() {
        vectors().forEach(v -> {
            assertThat(Hex.format(v.bytes())).as("%s", v).isEqualTo(v.hex());
            if (v.encodesAs() != null) {
                assertThat(Hex.format(Hex.parse(v.encodesAs()))).as("%s", v).isEqualTo(v.encodesAs());
            }
        });
    }

    @Test
    void vectorNamesAreUniqueWithinAFileAndVersion() {
        Set<String> seen = new HashSet<>();
        vectors().forEach(v -> assertThat(seen.add(v.toString())).as("duplicate %s", v).isTrue());
    }

    @Test
    void everyVectorFileOnTheClasspathIsLoaded() throws IOException, URISyntaxException {
        Path dir = Path.of(VectorTests.class.getResource("/fixtures/vectors").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json")).map(n -> n.substring(0, n.length() - 5)).toList();
            assertThat(names).containsExactlyInAnyOrderElementsOf(PacketVector.FILES);
        }
    }
}
