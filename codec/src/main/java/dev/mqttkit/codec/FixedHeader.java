package dev.mqttkit.codec;

/**
 * The layout of the fixed header (MQTT 3.1.1 section 2.2; MQTT 3.1 section 2.1): the packet type in bits 7-4 of the
 * first byte, its flags in bits 3-0, then the Remaining Length in one to four bytes of seven bits each.
 */
final class FixedHeader {
    static final int TYPE_SHIFT = 4;
    static final int FLAGS_MASK = 0x0F;

    /** A redelivery: PUBLISH, and in MQTT 3.1 also a retried PUBREL, SUBSCRIBE or UNSUBSCRIBE. */
    static final int DUP = 0x08;
    static final int QOS_MASK = 0x06;
    static final int QOS_SHIFT = 1;
    static final int RETAIN = 0x01;
    /** The flags PUBREL, SUBSCRIBE and UNSUBSCRIBE are sent with: QoS 1, 0010. */
    static final int QOS_1 = 1 << QOS_SHIFT;
    /** The QoS value no field may carry, wherever a QoS is written (fixed header, will, requested QoS). */
    static final int RESERVED_QOS = 3;

    /** Each Remaining Length byte carries seven bits of the value, least significant first... */
    static final int LENGTH_DIGIT_BITS = 7;
    static final int LENGTH_DIGIT_MASK = 0x7F;
    /** ...and its top bit says that another byte follows. */
    static final int LENGTH_CONTINUES = 0x80;
    static final int MAX_LENGTH_BYTES = 4;

    private FixedHeader() {
    }

    static int type(int firstByte) {
        return firstByte >>> TYPE_SHIFT;
    }

    static int flags(int firstByte) {
        return firstByte & FLAGS_MASK;
    }

    static int qos(int flags) {
        return (flags & QOS_MASK) >> QOS_SHIFT;
    }
}
