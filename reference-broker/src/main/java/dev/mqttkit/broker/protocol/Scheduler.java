package dev.mqttkit.broker.protocol;

/**
 * Runs a task on the protocol thread later. The networking layer implements it with its event loop's timers, so a
 * task runs confined like every other call into the engine (and what it sends is flushed); tests run tasks by hand.
 */
public interface Scheduler {
    /** Runs {@code task} on the protocol thread after about {@code delayMillis}. */
    void schedule(Runnable task, long delayMillis);
}
