package dev.mqttkit.conformance.probe;

import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.conformance.client.ClientContext;
import dev.mqttkit.conformance.client.Closure;
import dev.mqttkit.conformance.client.ScriptedClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One CONNECT on a fresh connection and what came of it. Probes run concurrently, each bounded by one wait, so a
 * listener that accepts TCP but never answers costs a few seconds once, not a timeout per test.
 */
public record ConnectProbe(ProtocolVersion version, String clientId, Outcome outcome, String detail) {

    /** What the broker did with the CONNECT. */
    public enum Outcome {
        ACCEPTED, REFUSED, CLOSED, SILENT, UNREACHABLE
    }

    public boolean answered() {
        return outcome != Outcome.SILENT && outcome != Outcome.UNREACHABLE;
    }

    /** Sends a clean-session CONNECT with {@code clientId} and waits at most {@code wait} for the CONNACK. */
    public static ConnectProbe connect(ClientContext context, ProtocolVersion version, String clientId,
                                       Duration wait) {
        try (ScriptedClient c = new ScriptedClient("probe", clientId, version, context)) {
            c.open();
            c.send(c.connectPacket());
            Closure closure = c.awaitAnswer(wait);
            List<Packet> got = closure.before();
            if (!got.isEmpty() && got.get(0) instanceof Connack ack) {
                if (ack.returnCode() == Connack.ACCEPTED) {
                    c.disconnect();
                    return new ConnectProbe(version, clientId, Outcome.ACCEPTED, ack.summary());
                }
                return new ConnectProbe(version, clientId, Outcome.REFUSED, "refused it with " + ack.summary());
            }
            if (!got.isEmpty()) {
                return new ConnectProbe(version, clientId, Outcome.REFUSED, "answered " + got.get(0).summary());
            }
            if (closure.closed()) {
                return new ConnectProbe(version, clientId, Outcome.CLOSED, "closed the connection without CONNACK");
            }
            return new ConnectProbe(version, clientId, Outcome.SILENT,
                    "sent no CONNACK within " + wait.toMillis() + " ms");
        } catch (RuntimeException e) {
            return new ConnectProbe(version, clientId, Outcome.UNREACHABLE, String.valueOf(e.getMessage()));
        }
    }

    /** Several probes at once; the results in the order asked. */
    public static List<ConnectProbe> all(ClientContext context, List<ProtocolVersion> versions, List<String> ids,
                                         Duration wait) {
        List<CompletableFuture<ConnectProbe>> running = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            ProtocolVersion v = versions.get(i);
            String id = ids.get(i);
            running.add(CompletableFuture.supplyAsync(() -> connect(context, v, id, wait), Daemons.EXECUTOR));
        }
        return running.stream().map(CompletableFuture::join).toList();
    }
}
