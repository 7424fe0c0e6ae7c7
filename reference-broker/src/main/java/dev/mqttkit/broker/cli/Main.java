package dev.mqttkit.broker.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.Fault;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.broker.config.ConfigException;
import dev.mqttkit.broker.config.ConfigFile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryManagerMXBean;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar mqttkit-reference-broker-...-all.jar [-p PORT] [-v] [-c CONFIG] [--bind ADDR]}. */
@Command(name = "mqttkit-broker", mixinStandardHelpOptions = true, version = "mqttkit-reference-broker 0.1.0",
        description = "A strictly conforming MQTT 3.1 / 3.1.1 reference broker.")
public final class Main implements Callable<Integer> {
    @Option(names = {"-p", "--port"}, description = "Port of the default listener (default 1883).")
    Integer port;

    @Option(names = "--bind", description = "Address of the default listener (default 127.0.0.1).")
    String bind;

    @Option(names = {"-c", "--config-file"}, description = "Configuration file (see reference-broker/README.md).")
    Path configFile;

    @Option(names = {"-v", "--verbose"}, description = "Log every connection and packet (by default only what "
            + "was refused, dropped or went wrong is logged, at most 10 lines per second of each kind).")
    boolean verbose;

    @Option(names = "--fault", paramLabel = "NAME",
            description = "Switch on a deliberate defect (repeatable; needs --allow-faults). "
                    + "One of: ${COMPLETION-CANDIDATES}")
    List<Fault> faults = List.of();

    @Option(names = "--allow-faults", description = "Confirm that --fault is meant: the broker will NOT conform.")
    boolean allowFaults;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        BrokerConfig config;
        try {
            config = configure();
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        ReferenceBroker broker;
        try {
            broker = ReferenceBroker.start(config);
        } catch (IOException e) {
            System.err.println("Error: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "mqttkit-broker-shutdown"));
        System.out.println(System.currentTimeMillis() / 1000 + ": mqttkit reference broker listening on "
                + broker.addresses() + " (" + memory() + ")");
        stopped.await();
        return 0;
    }

    /**
     * The JVM's heap cap and collectors, printed at start: a JVM started without options sizes its heap to a quarter of
     * the machine's memory, so this says whether the broker runs with {@code bin/mqttkit-broker}'s settings or not.
     */
    static String memory() {
        long maxHeap = Runtime.getRuntime().maxMemory();
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            maxHeap = Long.parseLong(hotspot.getVMOption("MaxHeapSize").getValue());
        } catch (RuntimeException e) {
            // not HotSpot: the usable heap is the best figure there is
        }
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(MemoryManagerMXBean::getName).collect(Collectors.joining(" + "));
        return "max heap " + maxHeap / (1024 * 1024) + " MiB, collectors " + collectors;
    }

    BrokerConfig configure() throws ConfigException {
        if (!faults.isEmpty() && !allowFaults) {
            throw new IllegalArgumentException("--fault needs --allow-faults as well: a broker with faults does not "
                    + "conform and must not be started by accident");
        }
        BrokerConfig config = BrokerConfig.defaults().withPort(1883);
        if (bind != null) {
            config = config.withBindAddress(bind);
        }
        if (configFile != null) {
            config = ConfigFile.read(configFile, config);
        }
        if (port != null) {
            config = config.withPort(port);
        }
        config = verbose ? config.withLog(System.out::println) : config.withEventLog(System.out::println);
        Set<Fault> set = faults.isEmpty() ? Set.of() : EnumSet.copyOf(faults);
        return config.withFaults(set);
    }
}
