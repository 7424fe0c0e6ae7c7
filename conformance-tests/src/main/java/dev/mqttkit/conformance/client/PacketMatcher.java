package dev.mqttkit.conformance.client;

import dev.mqttkit.codec.packet.Packet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a test expects of the next packet: a type and field checks, each with a description, so a mismatch says which
 * field differed ("expected PUBLISH with qos 1, retain 0 but qos was 2").
 */
public class PacketMatcher<P extends Packet> {
    private record Check<P>(String description, Predicate<P> test) {
    }

    private final Class<P> type;
    private final String name;
    private final List<Check<P>> checks = new ArrayList<>();

    public PacketMatcher(Class<P> type, String name) {
        this.type = type;
        this.name = name;
    }

    /**
     * Adds a field check; {@code description} reads like "qos 1". An empty description narrows the type (a matcher of
     * {@code Packet} that only takes a PUBLISH) and is left out of what the matcher says about itself.
     */
    public PacketMatcher<P> and(String description, Predicate<P> test) {
        checks.add(new Check<>(description, test));
        return this;
    }

    public Class<P> type() {
        return type;
    }

    /** The packet type as people name it, e.g. {@code SUBACK}. */
    public String name() {
        return name;
    }

    public boolean matches(Packet packet) {
        return mismatch(packet) == null;
    }

    /** Why {@code packet} does not match, or null when it does. */
    public String mismatch(Packet packet) {
        if (!type.isInstance(packet)) {
            return "expected " + this + " but received " + packet.summary();
        }
        P p = type.cast(packet);
        List<String> failed = new ArrayList<>();
        boolean anyFailed = false;
        for (Check<P> c : checks) {
            if (!c.test().test(p)) {
                anyFailed = true;
                if (!c.description().isEmpty()) {
                    failed.add(c.description());
                }
            }
        }
        if (!anyFailed) {
            return null;
        }
        return "expected " + this + " but received " + packet.summary()
                + (failed.isEmpty() ? "" : " (not " + String.join(", ", failed) + ")");
    }

    @Override
    public String toString() {
        if (checks.isEmpty()) {
            return name;
        }
        List<String> d = new ArrayList<>();
        checks.stream().map(Check::description).filter(x -> !x.isEmpty()).forEach(d::add);
        return d.isEmpty() ? name : name + " with " + String.join(", ", d);
    }
}
