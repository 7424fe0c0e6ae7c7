package dev.mqttkit.report.model;

/** What a property test tells about itself: enough to repeat the run and to see the shrunk counterexample. */
public record PropertyRun(Long seed, Integer examples, String counterexample) {
}
