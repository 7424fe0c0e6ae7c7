package dev.mqttkit.contract;

import java.util.Optional;

/**
 * The JUnit report entries through which the suite tells the report what a test checked and found. The suite publishes
 * them with {@code ExtensionContext.publishReportEntry(key.key(), value)}; the report reads them back by the same
 * constant, so renaming one is a compile error on both sides rather than a silently empty report.
 */
public enum EntryKey {
    /** {@link TargetFacts} as JSON: which broker the test ran against. */
    TARGET("target", true),
    /** Why the target could not be tested at all (not reachable, not started). */
    TARGET_ERROR("target.error", false),
    /** Statement ids the test checks, separated by spaces. */
    STATEMENTS("statements", true),
    /** Protocol version label of the test, {@code 3.1} or {@code 3.1.1}. */
    VERSION("version", true),
    /** {@link Level} of the strongest statement checked. */
    LEVEL("level", true),
    /** The test's {@link Verdict}. */
    VERDICT("verdict", false),
    /** One line saying why the verdict is not PASS. */
    REASON("reason", false),
    /** Which of several conforming behaviours the broker showed. */
    OBSERVED("observed", false),
    /** The wire transcript, a JSON array of {@link TranscriptEvent}. */
    TRANSCRIPT("transcript", false),
    /** The text of the scenario script the test played. */
    SCENARIO("scenario", false),
    /** {@link PropertyRun} as JSON. */
    PROPERTY("property", false),
    /** The test's stable key, e.g. {@code ConnectTests#closesConnectionOnSecondConnect [3.1.1]}. */
    TEST_KEY("test", false),
    /** {@link Cascade} as JSON: the broker stopped answering, and after which test. */
    CASCADE("cascade", false),
    /** {@link Expectation} as JSON: the user's expectations file named this result. */
    EXPECTED("expected", false);

    /** Every key starts with this; a run in which no test published one is not a conformance run. */
    public static final String PREFIX = "mqttkit.";

    private final String key;
    private final boolean inherited;

    EntryKey(String suffix, boolean inherited) {
        this.key = PREFIX + suffix;
        this.inherited = inherited;
    }

    /** The entry's key as published, e.g. {@code mqttkit.verdict}. */
    public String key() {
        return key;
    }

    /**
     * Whether a value published by a container describes the tests in it (the target, a version or the statements
     * of a dynamic container). A verdict or transcript published by a container must never be pinned on its tests.
     */
    public boolean inherited() {
        return inherited;
    }

    /** The constant with this published key. */
    public static Optional<EntryKey> of(String key) {
        for (EntryKey k : values()) {
            if (k.key.equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
