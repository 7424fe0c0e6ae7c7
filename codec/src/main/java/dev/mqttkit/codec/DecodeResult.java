package dev.mqttkit.codec;

import dev.mqttkit.codec.packet.Packet;
import java.util.List;

/** What one call of {@link MqttDecoder#next} produced. */
public sealed interface DecodeResult {

    /**
     * A whole packet.
     *
     * @param length     the packet's size on the wire, fixed header included
     * @param violations rules the packet breaks that a lenient decoder tolerated; always empty in strict mode
     */
    record Decoded(Packet packet, int length, List<Violation> violations) implements DecodeResult {
        public Decoded {
            violations = List.copyOf(violations);
        }
    }

    /** Every byte given was consumed; the packet in progress needs more. */
    record NeedMoreBytes() implements DecodeResult {
        static final NeedMoreBytes INSTANCE = new NeedMoreBytes();
    }

    /** The packet broke a rule. The decoder is now terminal: the connection is to be closed. */
    record Malformed(Violation violation) implements DecodeResult {
    }
}
