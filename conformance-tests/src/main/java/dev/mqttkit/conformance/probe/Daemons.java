package dev.mqttkit.conformance.probe;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Threads for probes that run side by side; daemons, so a probe waiting on a silent broker never holds the JVM. */
final class Daemons {
    static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mqttkit-probe");
        t.setDaemon(true);
        return t;
    });

    private Daemons() {
    }
}
