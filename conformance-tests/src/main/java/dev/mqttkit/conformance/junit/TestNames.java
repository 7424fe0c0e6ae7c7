package dev.mqttkit.conformance.junit;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * The client ids and topic roots of one test, derived from the run's prefix and the test's key rather than from the
 * order in which parallel tests happen to start: two runs with the same prefix send the same bytes, so a broker whose
 * behaviour depends on the id (a worker picked by its hash, say) behaves the same in both, and so do the verdicts.
 * A name is the prefix, a four-character tag of the key, a three-character sequence number and a label, at most 23
 * characters as MQTT 3.1 requires; names of the run's own connections ({@link RunContext#uniqueName}) have an upper
 * case letter where the tag starts, so the two never meet.
 */
final class TestNames {
    private static final int TAGS = 36 * 36 * 36 * 36;
    private static final int SEQUENCE = 36 * 36 * 36;

    private final String base;
    private final AtomicInteger next = new AtomicInteger();

    private TestNames(String base) {
        this.base = base;
    }

    /**
     * Names for {@code testKey}; {@code taken} maps the tags handed out in this run to their keys, so that two keys
     * whose tags collide get different ones (the later one moves on to the next free tag).
     */
    static TestNames of(String prefix, String testKey, Map<String, String> taken) {
        CRC32 crc = new CRC32();
        crc.update(testKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int slot = (int) (crc.getValue() % TAGS);
        while (true) {
            String tag = pad(Integer.toString(slot, 36), 4);
            String owner = taken.putIfAbsent(tag, testKey);
            if (owner == null || owner.equals(testKey)) {
                return new TestNames(prefix + tag);
            }
            slot = (slot + 1) % TAGS;
        }
    }

    static Map<String, String> registry() {
        return new ConcurrentHashMap<>();
    }

    /** The next name, ending in as much of {@code label} (letters and digits only) as fits in 23 characters. */
    String next(String label) {
        int n = next.getAndIncrement();
        if (n >= SEQUENCE) {
            throw new IllegalStateException("a test asked for more than " + SEQUENCE + " names");
        }
        String name = base + pad(Integer.toString(n, 36), 3);
        String l = label.replaceAll("[^A-Za-z0-9]", "");
        return name + l.substring(0, Math.min(l.length(), Math.max(0, 23 - name.length())));
    }

    private static String pad(String s, int width) {
        return "0".repeat(Math.max(0, width - s.length())) + s.toLowerCase(Locale.ROOT);
    }
}
