package dev.mqttkit.conformance.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The WebSocket under one connection of a {@link ScriptedClient} ({@code ws://} and {@code wss://} targets), for the
 * tests of the transport's own rules (MQTT 3.1.1 chapter 6): which subprotocol the server selected, and frames the
 * test chooses instead of one binary frame per packet. Everything sent is recorded in the transcript; a send that
 * fails is recorded too, and the closure it implies shows up on the next read, as with any other send.
 */
public final class WebSocketControl {
    private final String conn;
    private final WebSocketWire wire;
    private final Transcript transcript;

    WebSocketControl(String conn, WebSocketWire wire, Transcript transcript) {
        this.conn = conn;
        this.wire = wire;
        this.transcript = transcript;
    }

    /** The subprotocol this connection offered: {@code mqtt}, or {@code mqttv3.1} for MQTT 3.1. */
    public String offeredSubprotocol() {
        return wire.offered();
    }

    /** The subprotocol the server selected in its handshake response; empty when it selected none. */
    public String selectedSubprotocol() {
        return wire.selected();
    }

    /** Sends each of {@code frames} as a binary frame of its own; {@code what} says what they carry, e.g. "CONNECT". */
    public void sendFrames(String what, byte[]... frames) {
        transcript.out(conn, concat(frames), what + " in " + frames.length + " binary frames of " + sizes(frames));
        try {
            wire.sendFrames(List.of(frames));
        } catch (IOException e) {
            transcript.event(conn, "write failed: " + e.getMessage());
        }
    }

    /** Sends {@code fragments} as one fragmented binary message: a binary frame, then continuation frames. */
    public void sendFragmented(String what, byte[]... fragments) {
        transcript.out(conn, concat(fragments), what + " in one binary message of " + fragments.length
                + " frames (binary, then continuation) of " + sizes(fragments));
        try {
            wire.sendFragmented(List.of(fragments));
        } catch (IOException e) {
            transcript.event(conn, "write failed: " + e.getMessage());
        }
    }

    /** Sends {@code text} in a text frame, which MQTT-6.0.0-1 forbids; {@code what} says what it carries. */
    public void sendText(String what, String text) {
        transcript.out(conn, text.getBytes(StandardCharsets.UTF_8), what + " in a text frame");
        try {
            wire.sendText(text);
        } catch (IOException e) {
            transcript.event(conn, "write failed: " + e.getMessage());
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            all.writeBytes(p);
        }
        return all.toByteArray();
    }

    private static String sizes(byte[]... parts) {
        return Arrays.stream(parts).map(p -> String.valueOf(p.length)).collect(Collectors.joining(", ")) + " bytes";
    }
}
