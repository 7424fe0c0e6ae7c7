package dev.mqttkit.conformance.clientside;

import static dev.mqttkit.conformance.clientside.DriverFault.*;

import dev.mqttkit.codec.DecodeResult;
import dev.mqttkit.codec.DecoderOptions;
import dev.mqttkit.codec.MqttDecoder;
import dev.mqttkit.codec.MqttEncoder;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Disconnect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Pingreq;
import dev.mqttkit.codec.packet.Pingresp;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Pubcomp;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Subscribe;
import dev.mqttkit.codec.packet.Unsubscribe;
import dev.mqttkit.codec.packet.Will;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small client driver of our own on the kit's codec: it meets the driver contract of {@code clients/README.md}
 * exactly, unless {@code --fault NAME} makes it break one rule ({@link DriverFault}). The client suite is calibrated
 * against it: every case passes against the driver without a fault and fails against the fault of its statement.
 */
public final class FaultyDriver {
    private final Map<String, String> opt;
    private final DriverFault fault;
    private final ProtocolVersion version;
    private final String prefix;
    private final int keepAliveMillis;
    private final boolean clean;
    /** Session state: messages sent and not yet acknowledged (PUBACK or PUBREC), in the order sent. */
    private final Map<Integer, Publish> outgoing = new LinkedHashMap<>();
    /** PUBRELs sent and not yet completed. */
    private final Set<Integer> released = new LinkedHashSet<>();
    /** QoS 2 messages received and not yet released. */
    private final Set<Integer> incoming = new HashSet<>();
    private int lastId;
    private volatile boolean exiting;
    private volatile long lastSent;
    private volatile long pingSentAt;
    private OutputStream out;

    private FaultyDriver(Map<String, String> opt) {
        this.opt = opt;
        this.fault = DriverFault.valueOf(opt.getOrDefault("fault", "NONE"));
        this.version = ProtocolVersion.fromLabel(opt.getOrDefault("protocol", "3.1.1"));
        this.prefix = opt.get("prefix");
        this.keepAliveMillis = Integer.parseInt(opt.getOrDefault("keep-alive", "60")) * 1000;
        this.clean = Boolean.parseBoolean(opt.getOrDefault("clean-session", "true"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].substring(2), args[i + 1]);
        }
        FaultyDriver d = new FaultyDriver(opt);
        System.out.println("library: mqttkit faulty driver (fault " + d.fault + ")");
        d.run();
        System.exit(0);
    }

    private void run() throws InterruptedException {
        URI url = URI.create(opt.get("url"));
        while (!exiting) {
            try (Socket s = new Socket(url.getHost(), url.getPort())) {
                s.setTcpNoDelay(true);
                session(s);
            } catch (IOException e) {
                System.out.println("connection ended: " + e.getMessage());
            }
            if (!exiting) {
                Thread.sleep(100);
            }
        }
    }

    private synchronized void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        lastSent = System.nanoTime();
    }

    private byte[] encode(Packet p) {
        return MqttEncoder.unchecked(version).encode(p);
    }

    private void session(Socket s) throws IOException {
        out = s.getOutputStream();
        InputStream in = s.getInputStream();
        if (fault == FIRST_PACKET_NOT_CONNECT) {
            send(encode(Pingreq.INSTANCE));
        }
        send(connect());
        MqttDecoder decoder = new MqttDecoder(DecoderOptions.client(version));
        byte[] buf = new byte[16384];
        boolean connected = false;
        Thread pinger = null;
        try {
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    return;
                }
                List<Packet> answers = new ArrayList<>();
                ByteBuffer bytes = ByteBuffer.wrap(buf, 0, n);
                while (bytes.hasRemaining()) {
                    DecodeResult r = decoder.next(bytes);
                    if (r instanceof DecodeResult.Malformed m) {
                        System.out.println("malformed: " + m.violation().message());
                        if (fault == KEEPS_CONNECTION_ON_MALFORMED) {
                            break;
                        }
                        return;
                    }
                    if (!(r instanceof DecodeResult.Decoded d)) {
                        continue;
                    }
                    if (!connected) {
                        if (!(d.packet() instanceof Connack c) || c.returnCode() != 0) {
                            System.out.println("refused: " + d.packet().summary());
                            exiting = true;
                            return;
                        }
                        connected = true;
                        resume(c.sessionPresent(), answers);
                        pinger = pinger(s);
                    } else if (!handle(d.packet(), answers, s)) {
                        return;
                    }
                }
                for (Packet p : reorder(answers)) {
                    send(bytesOf(p));
                }
            }
        } finally {
            if (pinger != null) {
                pinger.interrupt();
            }
        }
    }

    private byte[] connect() {
        Connect c = Connect.of(version, opt.get("client-id"), clean, keepAliveMillis / 1000);
        if (opt.containsKey("will-topic") && fault != DROPS_WILL) {
            c = c.withWill(new Will(opt.get("will-topic"), Payload.utf8(opt.get("will-message")),
                    Qos.of(Integer.parseInt(opt.get("will-qos"))), Boolean.parseBoolean(opt.get("will-retain"))));
        }
        if (opt.containsKey("username") && fault != DROPS_CREDENTIALS) {
            c = c.withCredentials(opt.get("username"),
                    opt.containsKey("password") ? Payload.utf8(opt.get("password")) : null);
        }
        byte[] bytes = encode(c);
        if (fault == WILL_QOS_WITHOUT_WILL && c.will() == null) {
            int flags = bytes.length - c.clientId().length() - 2 - 2 - 1; // flags precede keep-alive and client id
            bytes[flags] |= 0x08;
        }
        return bytes;
    }

    /** After CONNACK: start afresh or resend what is unacknowledged, then subscribe unless the session has it. */
    private void resume(boolean sessionPresent, List<Packet> answers) throws IOException {
        if (clean && fault != KEEPS_STATE_ON_CLEAN_SESSION) {
            outgoing.clear();
            released.clear();
            incoming.clear();
        }
        if (fault != NO_RESEND) {
            List<Publish> again = new ArrayList<>(outgoing.values());
            if (fault == RESEND_OUT_OF_ORDER) {
                Collections.reverse(again);
            }
            for (Publish p : again) {
                Publish resend = p.withDup(fault != NO_DUP_ON_RESEND);
                if (fault == NEW_ID_ON_RESEND) {
                    outgoing.remove(p.packetId());
                    resend = resend.withQos(p.qos(), nextId());
                    outgoing.put(resend.packetId(), resend);
                }
                send(encode(resend));
            }
            for (int id : released) {
                send(encode(new Pubrel(id)));
            }
        }
        if (!sessionPresent) {
            byte[] sub = encode(Subscribe.of(nextId(), prefix + "/in/#", Qos.of(Integer.parseInt(opt.get("qos")))));
            if (fault == SUBSCRIBE_FLAGS) {
                sub[0] = (byte) 0x80;
            }
            send(sub);
        }
    }

    /** Handles one packet from the broker; false when the connection is to end. */
    private boolean handle(Packet packet, List<Packet> answers, Socket s) throws IOException {
        if (packet instanceof Publish p) {
            if (p.topic().equals(prefix + "/ctl/exit")) {
                disconnect(s);
                return false;
            }
            if (p.topic().equals(prefix + "/ctl/unsubscribe")) {
                byte[] unsub = encode(new Unsubscribe(nextId(), List.of(prefix + "/in/#")));
                if (fault == UNSUBSCRIBE_FLAGS) {
                    unsub[0] = (byte) 0xA0;
                }
                send(unsub);
            }
            boolean own = p.topic().startsWith(prefix + "/in/");
            if (p.qos() == Qos.AT_MOST_ONCE && fault == ANSWERS_QOS0) {
                answers.add(new Puback(1));
            } else if (p.qos() == Qos.AT_LEAST_ONCE && fault != NO_PUBACK && (own || fault != IGNORES_UNSUBSCRIBED)) {
                answers.add(new Puback(fault == PUBACK_WRONG_ID ? p.packetId() % 65535 + 1 : p.packetId()));
            } else if (p.qos() == Qos.EXACTLY_ONCE) {
                boolean repeated = !incoming.add(p.packetId()) && fault != DELIVERS_QOS2_TWICE;
                answers.add(fault == PUBACK_FOR_QOS2 ? new Puback(p.packetId()) : new Pubrec(p.packetId()));
                if (repeated) {
                    return true;
                }
            }
            if (own) {
                answers.add(copy(p));
            }
        } else if (packet instanceof Puback a) {
            outgoing.remove(a.packetId());
        } else if (packet instanceof Pubrec r) {
            outgoing.remove(r.packetId());
            released.add(r.packetId());
            answers.add(new Pubrel(r.packetId()));
        } else if (packet instanceof Pubcomp c) {
            released.remove(c.packetId());
        } else if (packet instanceof Pubrel r) {
            incoming.remove(r.packetId());
            answers.add(new Pubcomp(r.packetId()));
        } else if (packet instanceof Pingresp) {
            pingSentAt = 0;
        } else if (!(packet instanceof Suback) && !(packet instanceof dev.mqttkit.codec.packet.Unsuback)) {
            System.out.println("protocol violation: " + packet.summary());
            return fault == KEEPS_CONNECTION_ON_MALFORMED;
        }
        return true;
    }

    /** The driver's copy of a message: {@code <prefix>/out/X}, same payload and QoS, a new packet id. */
    private Publish copy(Publish p) {
        String topic = prefix + "/out/" + p.topic().substring((prefix + "/in/").length());
        if (fault == WILDCARD_IN_TOPIC) {
            topic = topic + "/+";
        } else if (fault == STRIPS_BOM) {
            topic = topic.replace("\ufeff", "");
        }
        int id = p.qos() == Qos.AT_MOST_ONCE || fault == PACKET_ID_ZERO ? 0
                : fault == PACKET_ID_REUSED ? 1 : nextId();
        boolean dup = p.qos() == Qos.AT_MOST_ONCE ? fault == QOS0_WITH_DUP : fault == FIRST_SEND_WITH_DUP;
        Publish c = new Publish(false, p.qos(), false, topic, 0, p.payload()).withQos(p.qos(), id).withDup(dup);
        if (p.qos() != Qos.AT_MOST_ONCE) {
            outgoing.put(id, c.withDup(false));
        }
        return c;
    }

    private byte[] bytesOf(Packet p) {
        byte[] b = encode(p);
        if (p instanceof Pubrel && fault == PUBREL_FLAGS) {
            b[0] = 0x60;
        } else if (p instanceof Puback && fault == PUBACK_FLAGS) {
            b[0] = 0x42;
        } else if (p instanceof Publish pub && pub.qos() == Qos.AT_MOST_ONCE && pub.dup()) {
            b[0] |= 0x08;
        } else if (p instanceof Publish && fault == BAD_UTF8) {
            for (int i = 0; i + 1 < b.length; i++) {
                if ((b[i] & 0xE0) == 0xC0 && (b[i + 1] & 0xC0) == 0x80) {
                    b[i + 1] = 0x28;
                }
            }
        }
        return b;
    }

    /** Applies the ordering faults to the answers of one burst. */
    private List<Packet> reorder(List<Packet> answers) {
        Class<?> type = fault == PUBACKS_OUT_OF_ORDER ? Puback.class : fault == PUBRECS_OUT_OF_ORDER ? Pubrec.class
                : fault == PUBRELS_OUT_OF_ORDER ? Pubrel.class : null;
        if (type == null) {
            return answers;
        }
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (type.isInstance(answers.get(i))) {
                at.add(i);
            }
        }
        List<Packet> out = new ArrayList<>(answers);
        for (int i = 0; i < at.size(); i++) {
            out.set(at.get(i), answers.get(at.get(at.size() - 1 - i)));
        }
        return out;
    }

    private void disconnect(Socket s) throws IOException {
        exiting = true;
        send(encode(Disconnect.INSTANCE));
        if (fault == SENDS_AFTER_DISCONNECT) {
            send(encode(Pingreq.INSTANCE));
        }
        if (fault == NO_CLOSE_AFTER_DISCONNECT) {
            // Leaves the closing to the broker: reads on until it has closed its side.
            s.getInputStream().transferTo(OutputStream.nullOutputStream());
        }
        s.close();
    }

    /** Sends PINGREQ when the keep-alive is about to pass without a packet, and gives up when no PINGRESP comes. */
    private Thread pinger(Socket s) {
        long due = fault == LATE_PINGS ? keepAliveMillis * 5L / 2 : keepAliveMillis - 100L;
        Thread t = new Thread(() -> {
            try {
                while (keepAliveMillis > 0 && !s.isClosed()) {
                    Thread.sleep(20);
                    long now = System.nanoTime();
                    if (pingSentAt != 0 && now - pingSentAt > keepAliveMillis * 1_000_000L
                            && fault != KEEPS_WAITING_FOR_PINGRESP) {
                        System.out.println("no PINGRESP: closing");
                        s.close();
                    } else if ((now - lastSent) / 1_000_000 >= due) {
                        if (pingSentAt == 0) {
                            pingSentAt = now;
                        }
                        send(encode(Pingreq.INSTANCE));
                    }
                }
            } catch (InterruptedException | IOException e) {
                // the connection ended
            }
        }, "pinger");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private int nextId() {
        do {
            lastId = lastId % 65535 + 1;
        } while (outgoing.containsKey(lastId) || released.contains(lastId));
        return lastId;
    }
}
