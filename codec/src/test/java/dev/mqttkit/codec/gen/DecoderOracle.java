package dev.mqttkit.codec.gen;

import dev.mqttkit.codec.DecodeResult;
import dev.mqttkit.codec.DecoderOptions;
import dev.mqttkit.codec.MqttEncoder;
import dev.mqttkit.codec.Violation;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.ProtocolVersion;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What must hold for any input whatsoever, checked by the property tests on generated input and by the fuzz tests on
 * the fuzzer's. It needs no expected packets, only the decoder compared with itself and with the encoder:
 * <ol>
 *   <li>nothing but packets, NeedMoreBytes and Malformed comes out, in strict or lenient mode ({@link Decoding});</li>
 *   <li>the chunking and the kind of buffer change nothing;</li>
 *   <li>lenient decoding extends strict decoding: the same packets without violations up to where strict stops, and
 *       there either Malformed too, or a packet whose first violation is the one strict stopped at;</li>
 *   <li>a strictly decoded packet is what its bytes say: re-encoded, it decodes to itself; in 3.1.1 with a minimal
 *       Remaining Length (the one freedom 3.1.1 leaves a sender) it re-encodes to exactly the bytes it came from;</li>
 *   <li>every leniently decoded packet can be encoded again (the records hold only what the wire can carry).</li>
 * </ol>
 */
public final class DecoderOracle {
    private DecoderOracle() {
    }

    /** Every check, strict and lenient. {@code strict} are the options the stream is read with. */
    public static void check(DecoderOptions strict, byte[] stream, Feed feed) {
        checkStrict(strict, stream, feed);
        checkLenient(strict.asLenient(), stream, feed);
    }

    /** Checks 1, 2 and 4 in strict mode. */
    public static void checkStrict(DecoderOptions strict, byte[] stream, Feed feed) {
        Decoding.Outcome s = Decoding.decode(strict, stream, Feed.allAtOnce(Feed.Kind.HEAP));
        sameOutcome("strict", s, Decoding.decode(strict, stream, feed));
        for (DecodeResult.Decoded d : s.decoded()) {
            check(d.violations().isEmpty(), "strict decoding reported violations " + d.violations());
        }
        reencodes(strict, stream);
    }

    /** Checks 1, 2, 3 and 5 in lenient mode. */
    public static void checkLenient(DecoderOptions lenient, byte[] stream, Feed feed) {
        DecoderOptions strict = new DecoderOptions(false, lenient.maxPacketSize(), lenient.version());
        Decoding.Outcome l = Decoding.decode(lenient, stream, Feed.allAtOnce(Feed.Kind.HEAP));
        sameOutcome("lenient", l, Decoding.decode(lenient, stream, feed));
        lenientExtendsStrict(Decoding.decode(strict, stream, Feed.allAtOnce(Feed.Kind.HEAP)), l);
        for (int i = 0; i < l.decoded().size(); i++) {
            Packet p = l.decoded().get(i).packet();
            MqttEncoder.unchecked(versionOf(p, l.versions().get(i))).encode(p);
        }
    }

    public static void lenientExtendsStrict(Decoding.Outcome strict, Decoding.Outcome lenient) {
        int k = strict.decoded().size();
        check(lenient.decoded().size() >= k, "lenient decoded " + lenient.decoded().size() + " packets, strict " + k);
        check(lenient.decoded().subList(0, k).equals(strict.decoded()),
                "lenient and strict disagree before strict stopped: " + lenient.decoded() + " vs " + strict.decoded());
        if (strict.failure() == null) {
            check(lenient.decoded().size() == k && lenient.failure() == null && lenient.pending() == strict.pending(),
                    "strict decoded everything, lenient did not end the same way");
            return;
        }
        Violation why = strict.failure().violation();
        if (lenient.decoded().size() == k) {
            check(lenient.failure() != null, "strict failed with " + why + " but lenient neither failed nor decoded");
        } else {
            List<Violation> found = lenient.decoded().get(k).violations();
            check(!found.isEmpty() && found.get(0).equals(why),
                    "strict failed with " + why + " but lenient decoded the packet with violations " + found);
        }
    }

    static void reencodes(DecoderOptions strict, byte[] stream) {
        for (Decoding.Frame f : Decoding.frames(strict, stream)) {
            ProtocolVersion v = versionOf(f.packet(), f.version());
            byte[] again = MqttEncoder.unchecked(v).encode(f.packet());
            if (v == ProtocolVersion.MQTT_3_1_1 && minimalLength(f.bytes())) {
                check(Arrays.equals(again, f.bytes()), f.packet().summary() + " decoded from " + hex(f.bytes())
                        + " re-encodes to " + hex(again));
            } else {
                List<Packet> back = Decoding.decode(DecoderOptions.client(v), again, Feed.allAtOnce(Feed.Kind.HEAP))
                        .packets();
                check(back.equals(List.of(f.packet())), f.packet().summary() + " re-encoded as " + hex(again)
                        + " decodes to " + back);
            }
        }
    }

    static ProtocolVersion versionOf(Packet p, ProtocolVersion readBy) {
        return p instanceof Connect c ? c.version() : readBy;
    }

    /** Whether the frame's Remaining Length field has no redundant trailing zero group. */
    static boolean minimalLength(byte[] frame) {
        int i = 1;
        while ((frame[i] & 0x80) != 0) {
            i++;
        }
        return i == 1 || frame[i] != 0;
    }

    static void sameOutcome(String mode, Decoding.Outcome expected, Decoding.Outcome actual) {
        check(expected.decoded().equals(actual.decoded()) && Objects.equals(expected.failure(), actual.failure())
                        && expected.pending() == actual.pending(),
                mode + " decoding depends on the chunking: all at once " + expected + ", chunked " + actual);
    }

    private static String hex(byte[] b) {
        return dev.mqttkit.codec.Hex.format(b, 0, Math.min(b.length, 64)) + (b.length > 64 ? " ..." : "");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
