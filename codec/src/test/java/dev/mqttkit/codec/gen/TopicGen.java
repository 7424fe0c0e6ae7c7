package dev.mqttkit.codec.gen;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.stream.Collectors;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Topic names and filters (MQTT 3.1.1 section 4.7) as lists of levels, so that shrinking removes whole levels and
 * shortens them. Levels come from a small alphabet often enough that two independently drawn topics share levels,
 * which is where matching gets interesting; the rest is unicode from every UTF-8 length class, empty levels,
 * {@code $}-prefixed first levels and occasionally long levels.
 */
public final class TopicGen {
    private TopicGen() {
    }

    /** A code point allowed in a level of a topic name: no {@code / + #}, no U+0000, no surrogate. */
    public static Gen<Integer> levelCodePoints() {
        return Generate.frequency(List.of(
                Pair.of(12, Generate.pick(List.of((int) 'a', (int) 'b', (int) 'c', (int) 'x'))),
                Pair.of(4, integers().between(0x21, 0x7E).map(TopicGen::notSpecial)),
                Pair.of(1, integers().between(0x01, 0x20)),
                Pair.of(2, integers().between(0x80, 0x7FF)),
                Pair.of(2, integers().between(0x800, 0xFFFD).map(TopicGen::notSurrogate)),
                Pair.of(1, integers().between(0x10000, 0x10FFFF))));
    }

    /** One level of a topic name: often short, sometimes empty, unicode, or long (up to 2,000 code points). */
    public static Gen<String> levels() {
        return Generate.frequency(List.of(
                Pair.of(3, Generate.constant("")),
                Pair.of(12, codePointStrings(levelCodePoints(), 1, 3)),
                Pair.of(3, codePointStrings(levelCodePoints(), 4, 12)),
                Pair.of(1, integers().between(100, 2000).zip(Generate.pick(List.of("l", "é", "€", "😀")),
                        (n, s) -> s.repeat(n)))));
    }

    /** A valid topic name: 1..6 levels, the first sometimes starting with {@code $}. */
    public static Gen<String> names() {
        Gen<String> first = Generate.frequency(List.of(
                Pair.of(8, levels()),
                Pair.of(1, Generate.pick(List.of("$SYS", "$share", "$"))),
                Pair.of(1, levels().map(l -> "$" + l))));
        Gen<String> leveled = first.zip(lists().of(levels()).ofSizeBetween(0, 5), (head, tail) -> {
            String name = tail.isEmpty() ? head : head + "/" + String.join("/", tail);
            return name.isEmpty() ? "a" : name;
        });
        return Generate.frequency(List.of(Pair.of(60, leveled), Pair.of(1, longest())));
    }

    /** Names of exactly 65,535 bytes of UTF-8, the most a string field holds: ASCII, or ending in a 3-byte char. */
    public static Gen<String> longest() {
        return Generate.pick(List.of("t/".repeat(32_767) + "x", "a".repeat(65_532) + "€"));
    }

    /** A valid topic filter: levels, {@code +} levels, and sometimes a final {@code #}. */
    public static Gen<String> filters() {
        Gen<String> level = Generate.frequency(List.of(Pair.of(4, levels()), Pair.of(2, Generate.constant("+"))));
        Gen<String> filter = lists().of(level).ofSizeBetween(1, 6).zip(Generate.booleans(), (ls, hash) -> {
            String f = String.join("/", ls);
            return hash ? (f.isEmpty() ? "#" : f + "/#") : f;
        }).map(f -> f.isEmpty() ? "+" : f);
        return Generate.frequency(List.of(
                Pair.of(10, filter),
                Pair.of(1, Generate.pick(List.of("#", "+", "$SYS/#", "+/#", "/", "+/+", "$SYS/+/x")))));
    }

    /** A filter a given topic is known to match: some of its levels replaced by {@code +}, maybe a {@code #} tail. */
    public static Gen<Pair<String, String>> matchingPairs() {
        return names().zip(lists().of(Generate.booleans()).ofSize(6), integers().between(0, 7), (topic, plus, cut) -> {
            String[] levels = topic.split("/", -1);
            boolean dollar = topic.startsWith("$");
            StringBuilder f = new StringBuilder();
            int hashAt = cut < levels.length && !(dollar && cut == 0) ? cut : -1;
            for (int i = 0; i < levels.length; i++) {
                if (i == hashAt) {
                    f.append(i == 0 ? "#" : "/#");
                    break;
                }
                if (i > 0) {
                    f.append('/');
                }
                f.append(plus.get(i % plus.size()) && !(dollar && i == 0) ? "+" : levels[i]);
            }
            return Pair.of(f.toString(), topic);
        });
    }

    static Gen<String> codePointStrings(Gen<Integer> codePoints, int min, int max) {
        return lists().of(codePoints).ofSizeBetween(min, max).map(TopicGen::fromCodePoints);
    }

    static String fromCodePoints(List<Integer> cps) {
        return cps.stream().map(Character::toString).collect(Collectors.joining());
    }

    private static int notSpecial(int c) {
        return c == '/' || c == '+' || c == '#' ? 'y' : c;
    }

    private static int notSurrogate(int c) {
        return Character.isSurrogate((char) c) ? 0x4E2D : c;
    }
}
