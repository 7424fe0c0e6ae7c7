package dev.mqttkit.broker.cli;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.Fault;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.broker.config.ConfigException;
import dev.mqttkit.broker.config.ConfigFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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

    @Option(names = {"-v", "--verbose"}, description = "Log every connection and packet.")
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
                + broker.addresses());
        stopped.await();
        return 0;
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
        if (verbose) {
            config = config.withLog(System.out::println);
        }
        Set<Fault> set = faults.isEmpty() ? Set.of() : EnumSet.copyOf(faults);
        return config.withFaults(set);
    }
}
