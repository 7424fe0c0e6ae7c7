package dev.mqttkit.broker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.Fault;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTests {
    private static Main parse(String... args) {
        Main main = new Main();
        new CommandLine(main).parseArgs(args);
        return main;
    }

    @Test
    void defaultsToLoopbackOnPort1883WithoutFaults() throws Exception {
        BrokerConfig c = parse().configure();
        assertThat(c.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(1883);
        assertThat(c.faults()).isEmpty();
        assertThat(c.log()).as("events are logged by default").isNotNull();
        assertThat(c.verbose()).isFalse();
    }

    @Test
    void readsPortBindAndVerbose() throws Exception {
        BrokerConfig c = parse("-p", "1999", "--bind", "0.0.0.0", "-v").configure();
        assertThat(c.port()).isEqualTo(1999);
        assertThat(c.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(c.log()).isNotNull();
        assertThat(c.verbose()).isTrue();
    }

    @Test
    void reportsTheJvmHeapCapAndCollectors() {
        long mib = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        assertThat(Main.memory()).matches("max heap \\d+ MiB, collectors .+");
        int reported = Integer.parseInt(Main.memory().replaceAll("^max heap (\\d+) MiB.*", "$1"));
        assertThat(reported).as("the configured cap, at least what the JVM reports as usable").isGreaterThanOrEqualTo(
                (int) mib);
    }

    @Test
    void refusesFaultsWithoutAllowFaults() {
        assertThatThrownBy(() -> parse("--fault", "NO_PINGRESP").configure())
                .hasMessageContaining("--allow-faults");
    }

    @Test
    void acceptsRepeatedFaultsWithAllowFaults() throws Exception {
        BrokerConfig c = parse("--fault", "NO_PINGRESP", "--fault", "HASH_MATCHES_DOLLAR", "--allow-faults")
                .configure();
        assertThat(c.faults()).isEqualTo(Set.of(Fault.NO_PINGRESP, Fault.HASH_MATCHES_DOLLAR));
    }

    @Test
    void rejectsAnUnknownFaultName() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Main()).setErr(new PrintWriter(err))
                .execute("--fault", "NOT_A_FAULT", "--allow-faults");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("NOT_A_FAULT");
    }

    @Test
    void exitsWithAnErrorForFaultsWithoutAllowFaults() {
        int code = new CommandLine(new Main()).execute("--fault", "NO_PINGRESP");
        assertThat(code).isEqualTo(2);
    }
}
