package dev.mqttkit.conformance.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.mqttkit.codec.Hex;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Pingresp;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Suback;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket adapter seen from both ends: the listener calls the JDK would make (frames, close, errors), and the
 * byte stream and packets the suite reads from it. Packets need not line up with frames [MQTT-6.0.0-2]; a close frame
 * and a lost TCP connection both end the stream as the broker's doing; a text frame is the broker's violation of
 * MQTT-6.0.0-1.
 */
class WebSocketWireTests {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String CONNACK = "20 02 00 00";
    private static final String SUBACK = "90 03 00 01 01";
    private static final String PINGRESP = "d0 00";

    private final RecordingWebSocket socket = new RecordingWebSocket();
    private final WebSocketWire wire = new WebSocketWire("mqtt");

    WebSocketWireTests() {
        wire.onOpen(socket);
    }

    @Test
    void anySplitIntoFramesReadsBackAsTheSameBytes() {
        qt().withExamples(300)
                .forAll(lists().of(integers().between(0, 255)).ofSizeBetween(1, 400),
                        lists().of(integers().between(0, 50)).ofSizeBetween(1, 30))
                .checkAssert((values, cuts) -> {
                    byte[] stream = new byte[values.size()];
                    for (int i = 0; i < stream.length; i++) {
                        stream[i] = (byte) (int) values.get(i);
                    }
                    RecordingWebSocket ws = new RecordingWebSocket();
                    WebSocketWire w = new WebSocketWire("mqtt");
                    w.onOpen(ws);
                    for (byte[] frame : split(stream, cuts)) {
                        w.onBinary(ws, ByteBuffer.wrap(frame), true);
                    }
                    w.onClose(ws, WebSocketWire.NORMAL_CLOSURE, "");
                    assertThat(readAll(w.in())).isEqualTo(stream);
                });
    }

    @Test
    void decodesAPacketThatArrivesOneByteAFrame() {
        Connection c = connection();
        for (byte b : Hex.parse(CONNACK)) {
            wire.onBinary(socket, ByteBuffer.wrap(new byte[] {b}), true);
        }
        assertThat(received(c)).isEqualTo(Connack.accepted(false));
    }

    @Test
    void decodesSeveralPacketsFromOneFrameAndAPacketThatSpansTwo() {
        Connection c = connection();
        byte[] all = Hex.parse(CONNACK + " " + SUBACK + " " + PINGRESP);
        wire.onBinary(socket, ByteBuffer.wrap(all, 0, 7), true);
        wire.onBinary(socket, ByteBuffer.wrap(all, 7, all.length - 7), false);
        assertThat(received(c)).isEqualTo(Connack.accepted(false));
        assertThat(received(c)).isInstanceOf(Suback.class);
        assertThat(received(c)).isEqualTo(Pingresp.INSTANCE);
    }

    @Test
    void theBrokersCloseFrameEndsTheStreamAfterWhatCameBeforeIt() throws IOException {
        wire.onBinary(socket, ByteBuffer.wrap(Hex.parse(CONNACK)), true);
        wire.onClose(socket, 1001, "going away");

        assertThat(wire.in().readNBytes(4)).isEqualTo(Hex.parse(CONNACK));
        assertThat(wire.in().read()).isEqualTo(-1);
        assertThat(wire.isClosed()).isTrue();
        assertThat(wire.endDetail()).isEqualTo(" with WebSocket close status 1001 (going away)");
    }

    @Test
    void aCloseFrameAndALostTcpConnectionBothCountAsClosedByTheBroker() {
        Connection closedByFrame = connection();
        wire.onClose(socket, WebSocketWire.NORMAL_CLOSURE, "");
        Inbound.Closed frame = (Inbound.Closed) closedByFrame.poll(WAIT);

        RecordingWebSocket other = new RecordingWebSocket();
        WebSocketWire lost = new WebSocketWire("mqtt");
        lost.onOpen(other);
        Connection closedByTcp = connection(lost);
        lost.onError(other, new IOException("EOF reached while reading"));
        Inbound.Closed tcp = (Inbound.Closed) closedByTcp.poll(WAIT);

        assertThat(frame.byBroker()).isTrue();
        assertThat(frame.reason()).isEqualTo("connection closed by the broker with WebSocket close status 1000");
        assertThat(tcp.byBroker()).isTrue();
        assertThat(tcp.reason()).startsWith("connection closed by the broker").contains("EOF reached while reading");
        assertThat(frame.malformed()).isNull();
        assertThat(tcp.malformed()).isNull();
    }

    @Test
    void aTextFrameFromTheBrokerIsAViolationAndClosesWithStatus1003() {
        Connection c = connection();
        wire.onText(socket, "hello", true);

        Inbound.Closed end = (Inbound.Closed) c.poll(WAIT);
        assertThat(end.byBroker()).isTrue();
        assertThat(end.malformed()).startsWith("MQTT-6.0.0-1:");
        assertThat(socket.closeStatus).isEqualTo(WebSocketWire.UNSUPPORTED_DATA);
        assertThat(socket.aborted).as("the TCP connection is cut once the close frame is out").isTrue();
    }

    @Test
    void aTextFrameEndsTheStreamWithAViolationOnceTheBytesBeforeItAreRead() throws IOException {
        wire.onBinary(socket, ByteBuffer.wrap(Hex.parse(PINGRESP)), true);
        wire.onText(socket, "hello", true);

        assertThat(wire.in().readNBytes(2)).isEqualTo(Hex.parse(PINGRESP));
        assertThatThrownBy(() -> wire.in().read()).isInstanceOf(Wire.Violation.class)
                .hasMessageStartingWith("MQTT-6.0.0-1");
    }

    @Test
    void closingSendsACloseFrameCutsTheConnectionAndEndsTheStream() throws IOException {
        wire.onBinary(socket, ByteBuffer.wrap(Hex.parse(CONNACK)), true);
        wire.close();

        assertThat(socket.sent()).extracting(RecordingWebSocket.Sent::kind).containsExactly("close");
        assertThat(socket.closeStatus).isEqualTo(WebSocketWire.NORMAL_CLOSURE);
        assertThat(socket.aborted).isTrue();
        assertThat(wire.in().read()).as("what was not read is dropped, as a closed socket drops it").isEqualTo(-1);
    }

    @Test
    void asksForNoMoreFramesWhileTooMuchIsUnreadAndAsksAgainOnceItIsRead() throws IOException {
        int asked = socket.requested.get();
        byte[] big = new byte[WebSocketWire.BUFFER_LIMIT / 2 + 1];
        wire.onBinary(socket, ByteBuffer.wrap(big), true);
        assertThat(socket.requested.get()).as("below the limit: the next frame is asked for").isEqualTo(asked + 1);

        wire.onBinary(socket, ByteBuffer.wrap(big), true);
        assertThat(socket.requested.get()).as("above the limit: nothing more is asked for").isEqualTo(asked + 1);

        wire.in().readNBytes(1);
        assertThat(socket.requested.get()).as("still above the limit after one byte").isEqualTo(asked + 1);
        wire.in().readNBytes(big.length);
        assertThat(socket.requested.get()).as("back below the limit: the next frame is asked for")
                .isEqualTo(asked + 2);
    }

    @Test
    void eachWriteLeavesAsOneBinaryFrame() throws IOException {
        wire.out().write(Hex.parse("c0 00"));
        wire.out().write(Hex.parse("e0 00 ff"), 0, 2);

        assertThat(socket.sent()).extracting(s -> s.kind() + " " + Hex.format(s.payload()) + " " + s.last())
                .containsExactly("binary c0 00 true", "binary e0 00 true");
    }

    @Test
    void sendsChosenFramesFragmentsAndText() throws IOException {
        wire.sendFrames(List.of(Hex.parse("c0"), Hex.parse("00")));
        wire.sendFragmented(List.of(Hex.parse("c0"), Hex.parse("00"), Hex.parse("")));
        wire.sendText("0");

        assertThat(socket.sent()).extracting(s -> s.kind() + " " + Hex.format(s.payload()) + " " + s.last())
                .containsExactly("binary c0 true", "binary 00 true", "binary c0 false", "binary 00 false",
                        "binary  true", "text 30 true");
    }

    private Connection connection() {
        return connection(wire);
    }

    private static Connection connection(Wire w) {
        try {
            return new Connection("c", w, ProtocolVersion.MQTT_3_1_1, new Transcript(), DeliveryListener.NONE);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Object received(Connection c) {
        Inbound i = c.poll(WAIT);
        assertThat(i).as("a packet within %s", WAIT).isInstanceOf(Inbound.Received.class);
        return ((Inbound.Received) i).packet();
    }

    /** {@code stream} cut at the given distances (0 makes an empty frame); the rest goes in a last frame. */
    private static List<byte[]> split(byte[] stream, List<Integer> cuts) {
        List<byte[]> frames = new ArrayList<>();
        int at = 0;
        for (int cut : cuts) {
            int end = Math.min(stream.length, at + cut);
            frames.add(Arrays.copyOfRange(stream, at, end));
            at = end;
        }
        frames.add(Arrays.copyOfRange(stream, at, stream.length));
        return frames;
    }

    private static byte[] readAll(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[7];
        try {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
