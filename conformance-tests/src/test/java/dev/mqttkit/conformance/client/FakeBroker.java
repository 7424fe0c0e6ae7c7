package dev.mqttkit.conformance.client;

import dev.mqttkit.codec.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A one-connection server that answers each chunk it reads with the next scripted reply, so the scripted client can
 * be tested against exactly the bytes a faulty broker might send.
 */
final class FakeBroker implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    private volatile Socket socket;

    FakeBroker() throws IOException {
        Thread t = new Thread(this::serve, "fake-broker");
        t.setDaemon(true);
        t.start();
    }

    Endpoint endpoint() {
        return Endpoint.tcp("127.0.0.1", server.getLocalPort());
    }

    /**
     * The reply (hex) to the next chunk received; {@code "close"} closes the connection instead, and hex followed by
     * {@code close} sends the bytes, then closes.
     */
    FakeBroker reply(String hex) {
        replies.add(hex);
        return this;
    }

    byte[] nextReceived() throws InterruptedException {
        return received.poll(5, TimeUnit.SECONDS);
    }

    private void serve() {
        try (Socket s = server.accept()) {
            socket = s;
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) > 0) {
                received.add(java.util.Arrays.copyOf(buf, n));
                String reply = replies.poll();
                if (reply != null && reply.endsWith("close")) {
                    String last = reply.substring(0, reply.length() - "close".length()).trim();
                    if (!last.isEmpty()) {
                        out.write(Hex.parse(last));
                        out.flush();
                    }
                    return;
                }
                if (reply != null && !reply.isEmpty()) {
                    out.write(Hex.parse(reply));
                    out.flush();
                }
            }
        } catch (IOException ignored) {
            // the client went away; the test has its answer
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (socket != null) {
            socket.close();
        }
    }
}
