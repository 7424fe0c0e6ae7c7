package dev.mqttkit.broker.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.packet.Pingreq;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BrokerLogTests {
    private final List<String> lines = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private BrokerLog log(boolean verbose) {
        return new BrokerLog(lines::add, verbose, nanos::get);
    }

    private List<String> messages() {
        return lines.stream().map(l -> l.replaceFirst("^\\d+: ", "")).toList();
    }

    @Test
    void defaultLevelLogsEventsAndNoticesButNotConnectionsOrPackets() {
        BrokerLog log = log(false);
        log.notice("Opening listen socket on 127.0.0.1 port 1883.");
        log.info("New connection from 127.0.0.1 on port 1883.");
        log.packet("Received", "from", "c1", Pingreq.INSTANCE);
        log.event(BrokerLog.Event.TIMED_OUT, "Client c1 has exceeded timeout, disconnecting.");
        assertThat(messages()).containsExactly("Opening listen socket on 127.0.0.1 port 1883.",
                "Client c1 has exceeded timeout, disconnecting.");
        assertThat(lines).allMatch(l -> l.matches("\\d+: .*"));
    }

    @Test
    void limitsEachKindToTenLinesPerSecondAndCountsWhatWasLeftOut() {
        BrokerLog log = log(false);
        for (int i = 0; i < 25; i++) {
            log.event(BrokerLog.Event.DROPPED, "drop " + i);
        }
        log.event(BrokerLog.Event.REFUSED, "refused while drops are limited");
        assertThat(messages()).hasSize(BrokerLog.LINES_PER_SECOND + 1)
                .contains("drop 9", "refused while drops are limited").doesNotContain("drop 10");
        lines.clear();
        nanos.addAndGet(999_000_000L);
        log.event(BrokerLog.Event.DROPPED, "still in the same second");
        nanos.addAndGet(1_000_000L);
        log.event(BrokerLog.Event.DROPPED, "next second");
        log.event(BrokerLog.Event.DROPPED, "after that");
        assertThat(messages()).containsExactly("next second [16 similar lines not logged]", "after that");
    }

    @Test
    void verboseLogsEverythingWithoutALimit() {
        BrokerLog log = log(true);
        log.info("New connection from 127.0.0.1 on port 1883.");
        log.packet("Received", "from", "c1", Pingreq.INSTANCE);
        for (int i = 0; i < 25; i++) {
            log.event(BrokerLog.Event.DROPPED, "drop " + i);
        }
        assertThat(messages()).hasSize(27).contains("Received PINGREQ from c1", "drop 24");
    }

    @Test
    void nullSinkIsSilent() {
        BrokerLog log = new BrokerLog(null, true);
        log.notice("x");
        log.event(BrokerLog.Event.REFUSED, "y");
        log.packet("Received", "from", "c1", Pingreq.INSTANCE);
        assertThat(lines).isEmpty();
    }
}
