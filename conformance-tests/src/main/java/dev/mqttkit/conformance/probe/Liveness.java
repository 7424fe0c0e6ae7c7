package dev.mqttkit.conformance.probe;

import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.conformance.client.ClientContext;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * Whether the broker still answers CONNECT on new connections, asked with several client ids at once: a broker can
 * stop answering only some of them (one worker thread of several died, and it serves the ids that hash to it no
 * more), so one id proves little either way.
 *
 * @param answered how many of the probes got an answer
 * @param asked    how many probes were sent
 * @param evidence one line for the report
 */
public record Liveness(int answered, int asked, String evidence) {

    public boolean alive() {
        return answered == asked;
    }

    public boolean dead() {
        return answered == 0;
    }

    /** Probes with each of {@code clientIds} concurrently, at most {@code wait} each. */
    public static Liveness check(ClientContext context, ProtocolVersion version, List<String> clientIds,
                                 Duration wait) {
        List<ConnectProbe> probes = ConnectProbe.all(context, Collections.nCopies(clientIds.size(), version),
                clientIds, wait);
        List<String> silent = probes.stream().filter(p -> !p.answered()).map(ConnectProbe::clientId).toList();
        int answered = probes.size() - silent.size();
        String evidence = silent.isEmpty() ? "all " + probes.size() + " new connections got an answer"
                : silent.size() + " of " + probes.size() + " new connections (MQTT " + version.label()
                        + ", client ids " + String.join(", ", silent) + ") got no answer to CONNECT: "
                        + probes.stream().filter(p -> !p.answered()).findFirst().map(ConnectProbe::detail)
                        .orElse("");
        return new Liveness(answered, probes.size(), evidence);
    }
}
