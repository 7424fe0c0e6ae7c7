package dev.mqttkit.conformance.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** MQTT straight over TCP (MQTT 3.1.1 section 4.2), or over TLS when the endpoint has a TLS context. */
final class SocketWire implements Wire {
    private final Socket socket;

    private SocketWire(Socket socket) {
        this.socket = socket;
    }

    /** Connects within {@code timeout}; a TLS handshake completes before this returns. */
    static SocketWire open(String host, int port, SSLContext tls, Duration timeout) throws IOException {
        int millis = (int) Math.max(1, timeout.toMillis());
        Socket plain = new Socket();
        try {
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(host, port), millis);
            if (tls == null) {
                return new SocketWire(plain);
            }
            SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
            s.setSoTimeout(millis);
            s.startHandshake();
            s.setSoTimeout(0);
            return new SocketWire(s);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    @Override
    public InputStream in() throws IOException {
        return socket.getInputStream();
    }

    @Override
    public OutputStream out() throws IOException {
        return socket.getOutputStream();
    }

    @Override
    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // best effort: the socket is unusable either way
        }
    }
}
