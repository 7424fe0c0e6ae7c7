package dev.mqttkit.broker.protocol;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** A {@link Scheduler} whose tasks run when the test says so, in the order they were scheduled. */
final class ManualScheduler implements Scheduler {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    final List<Long> delays = new ArrayList<>();

    @Override
    public void schedule(Runnable task, long delayMillis) {
        tasks.add(task);
        delays.add(delayMillis);
    }

    /** Runs every task scheduled so far, and those they schedule; returns how many ran. */
    int runAll() {
        int ran = 0;
        while (!tasks.isEmpty()) {
            tasks.poll().run();
            ran++;
        }
        return ran;
    }

    int pending() {
        return tasks.size();
    }
}
