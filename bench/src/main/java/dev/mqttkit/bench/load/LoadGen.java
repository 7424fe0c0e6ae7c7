package dev.mqttkit.bench.load;

import dev.mqttkit.codec.packet.Qos;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Command-line entry of the broker load generator; prints one Markdown table row per run, so that a script can run it
 * against several brokers and collect the rows into one table (see {@code bench/broker-vs-mosquitto.sh}).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.mqttkit.bench.load.LoadGen --label NAME --port PORT
 *     --scenario fan-in|fan-out|idle|flood [--qos 0|1] [--clients N] [--subscribers N] [--messages N]
 *     [--payload BYTES] [--window N] [--warmup N] [--seconds N] [--timeout SECONDS] [--pid BROKER_PID]
 *     [--host 127.0.0.1]
 * </pre>
 *
 * {@code --clients} is the number of publishers for fan-in and flood, of subscribers for fan-out, of connections for
 * idle; {@code --subscribers} that of subscribers for flood (default 10); {@code --messages} is what each subscriber
 * receives (for flood: per back-to-back run); {@code --warmup} runs that many first, unreported; {@code --window}
 * bounds deliveries in flight (see {@link Throughput}); {@code --seconds} is how long a flood lasts (default 60). Exits
 * 1 when a run did not complete.
 */
public final class LoadGen {
    private LoadGen() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = parse(args);
        String label = a.getOrDefault("label", "broker");
        String host = a.getOrDefault("host", "127.0.0.1");
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            throw new IllegalArgumentException("load is only ever sent to loopback, not to " + host);
        }
        int port = Integer.parseInt(required(a, "port"));
        String scenario = required(a, "scenario");
        int timeout = Integer.parseInt(a.getOrDefault("timeout", "120"));
        long pid = Long.parseLong(a.getOrDefault("pid", "-1"));
        String failure;
        if (scenario.equals("idle")) {
            int count = Integer.parseInt(a.getOrDefault("clients", "10000"));
            IdleConnections.Result r = IdleConnections.run(host, port, count, pid, timeout);
            System.out.printf(Locale.ROOT,
                    "| %s | %,d idle connections | %,d held | %,d KiB | %,d KiB | %.1f KiB | %.1f s |%n",
                    label, r.wanted(), r.held(), r.rssBeforeKiB(), r.rssAfterKiB(),
                    (r.rssAfterKiB() - r.rssBeforeKiB()) / (double) Math.max(1, r.held()), r.seconds());
            failure = r.failure();
        } else if (scenario.equals("flood")) {
            int publishers = Integer.parseInt(a.getOrDefault("clients", "10"));
            int subscribers = Integer.parseInt(a.getOrDefault("subscribers", "10"));
            Qos qos = Qos.of(Integer.parseInt(a.getOrDefault("qos", "1")));
            int seconds = Integer.parseInt(a.getOrDefault("seconds", "60"));
            Throughput.Settings shape = new Throughput.Settings(host, port, qos, publishers, subscribers,
                    Integer.parseInt(a.getOrDefault("messages", "20000")),
                    Integer.parseInt(a.getOrDefault("payload", "256")),
                    Integer.parseInt(a.getOrDefault("window", "1000")), timeout);
            Flood.Result r = Flood.run(shape, seconds, pid);
            System.out.printf(Locale.ROOT, "| %s | %d s flood, QoS %d, %d pub → %d sub, %d B | %,d | %,.0f | %,d KiB "
                            + "| %,d KiB | %,d KiB |%n", label, seconds, qos.value(), publishers, subscribers,
                    shape.payloadBytes(), r.delivered(), r.perSecond(), r.rssBeforeKiB(), r.rssPeakKiB(),
                    r.rssEndKiB());
            failure = r.failure();
        } else {
            boolean fanIn = scenario.equals("fan-in");
            if (!fanIn && !scenario.equals("fan-out")) {
                throw new IllegalArgumentException("--scenario must be fan-in, fan-out, idle or flood but was "
                        + scenario);
            }
            int clients = Integer.parseInt(a.getOrDefault("clients", fanIn ? "10" : "20"));
            Qos qos = Qos.of(Integer.parseInt(a.getOrDefault("qos", "0")));
            Throughput.Settings s = new Throughput.Settings(host, port, qos, fanIn ? clients : 1, fanIn ? 1 : clients,
                    Integer.parseInt(a.getOrDefault("messages", "100000")),
                    Integer.parseInt(a.getOrDefault("payload", "64")),
                    Integer.parseInt(a.getOrDefault("window", "1000")), timeout);
            int warmup = Integer.parseInt(a.getOrDefault("warmup", "0"));
            if (warmup > 0) { // unreported: lets both the broker's and our JIT compile the paths measured next
                Throughput.run(new Throughput.Settings(host, port, qos, s.publishers(), s.subscribers(), warmup,
                        s.payloadBytes(), s.window(), timeout));
            }
            Throughput.Result r = Throughput.run(s);
            String shape = fanIn ? s.publishers() + " pub → 1 sub" : "1 pub → " + s.subscribers() + " sub";
            System.out.printf(Locale.ROOT, "| %s | %s QoS %d | %s | %,d | %,.0f | %.2f | %.2f | %.2f |%n",
                    label, scenario, qos.value(), shape, r.delivered(), r.perSecond(), r.percentileMillis(50),
                    r.percentileMillis(99), r.percentileMillis(100));
            failure = r.failure();
        }
        if (failure != null) {
            System.out.println("INCOMPLETE (" + label + ", " + scenario + "): " + failure);
            System.exit(1);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs but got " + String.join(" ", args));
            }
            m.put(args[i].substring(2), args[++i]);
        }
        return m;
    }

    private static String required(Map<String, String> a, String name) {
        String v = a.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }
}
