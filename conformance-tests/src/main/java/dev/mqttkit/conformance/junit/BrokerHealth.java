package dev.mqttkit.conformance.junit;

import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.conformance.client.ClientContext;
import dev.mqttkit.conformance.client.Timeouts;
import dev.mqttkit.conformance.probe.Liveness;
import dev.mqttkit.contract.Cascade;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether the broker still answers, and since when it does not. When a test fails without an answer from the broker,
 * or a disruptive test ends, new connections are probed; the first test after which some go unanswered is named as
 * the culprit, once. From then on the broker is not trusted: a test that fails for want of an answer, and every test
 * that starts later, is INCONCLUSIVE rather than a failure of statements it never reached. This holds also when only
 * some connections go unanswered (a broker whose worker for some client ids died): which tests would still work
 * depends on hashing and timing, and verdicts that depend on those would change from run to run.
 */
final class BrokerHealth {
    /**
     * Fresh client ids per probe besides the test's own: enough to notice a broker that stopped serving some ids
     * (with half of them gone, eight miss it once in 256 probes).
     */
    static final int FRESH_IDS = 8;

    private final Timeouts timeouts;
    private Cascade cascade;
    private boolean stopped;

    BrokerHealth(Timeouts timeouts) {
        this.timeouts = timeouts;
    }

    /** The cascade, once the broker stopped answering. */
    synchronized Optional<Cascade> cascade() {
        return Optional.ofNullable(cascade);
    }

    /** Whether the broker stopped answering: later tests need not wait for it. */
    synchronized boolean stopped() {
        return stopped;
    }

    /**
     * Probes the broker after {@code testKey} ended; {@code clientIds} are the test's own (the broker may serve only
     * some ids) and {@code names} gives fresh ones. Returns the cascade when the broker does not answer every probe;
     * the test is its culprit if it is the first to notice.
     */
    Optional<Cascade> checkAfter(String testKey, ClientContext context, ProtocolVersion version,
                                 List<String> clientIds, Function<String, String> names) {
        synchronized (this) {
            if (cascade != null) {
                return Optional.of(cascade);
            }
        }
        List<String> ids = new ArrayList<>(clientIds.subList(0, Math.min(clientIds.size(), FRESH_IDS)));
        for (int i = 0; i < FRESH_IDS; i++) {
            ids.add(names.apply("alive"));
        }
        Liveness liveness = Liveness.check(context, version, ids, timeouts.expect());
        if (liveness.alive()) {
            return cascade();
        }
        synchronized (this) {
            if (cascade == null) {
                cascade = new Cascade(testKey, liveness.evidence(), !liveness.dead());
            }
            stopped = true;
            return Optional.of(cascade);
        }
    }
}
