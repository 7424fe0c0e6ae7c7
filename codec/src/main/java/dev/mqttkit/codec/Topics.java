package dev.mqttkit.codec;

import java.util.Optional;

/**
 * Topic names, topic filters and how they match (MQTT 3.1.1 section 4.7).
 *
 * <p>Levels are separated by {@code /}; empty levels are levels like any other ({@code a//b} has three, {@code /a}
 * two). {@code +} matches exactly one level, possibly empty; {@code #} matches its parent level and any number of
 * levels below. A filter starting with a wildcard does not match a topic starting with {@code $} [MQTT-4.7.2-1].
 */
public final class Topics {
    private Topics() {
    }

    /** The rule a topic name breaks, if any: empty, or containing a wildcard. */
    public static Optional<Rule> checkName(String name) {
        if (name.isEmpty()) {
            return Optional.of(Rule.TOPIC_EMPTY);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '+' || c == '#') {
                return Optional.of(Rule.TOPIC_NAME_WILDCARD);
            }
        }
        return Optional.empty();
    }

    /** The rule a topic filter breaks, if any: empty, {@code #} not alone in the last level, {@code +} not alone. */
    public static Optional<Rule> checkFilter(String filter) {
        int len = filter.length();
        if (len == 0) {
            return Optional.of(Rule.TOPIC_EMPTY);
        }
        for (int i = 0; i < len; i++) {
            char c = filter.charAt(i);
            if (c == '#') {
                boolean aloneInLevel = (i == 0 || filter.charAt(i - 1) == '/');
                if (!aloneInLevel || i != len - 1) {
                    return Optional.of(Rule.FILTER_MULTI_LEVEL_WILDCARD);
                }
            } else if (c == '+') {
                boolean startsLevel = i == 0 || filter.charAt(i - 1) == '/';
                boolean endsLevel = i == len - 1 || filter.charAt(i + 1) == '/';
                if (!startsLevel || !endsLevel) {
                    return Optional.of(Rule.FILTER_SINGLE_LEVEL_WILDCARD);
                }
            }
        }
        return Optional.empty();
    }

    public static boolean isValidName(String name) {
        return checkName(name).isEmpty();
    }

    public static boolean isValidFilter(String filter) {
        return checkFilter(filter).isEmpty();
    }

    /**
     * Whether {@code filter} matches {@code topicName}. Both must be valid (see {@link #checkFilter},
     * {@link #checkName}); for invalid input the answer is false or unspecified, never an exception.
     */
    public static boolean matches(String filter, String topicName) {
        int flen = filter.length();
        int tlen = topicName.length();
        if (flen == 0 || tlen == 0) {
            return false;
        }
        char f0 = filter.charAt(0);
        if (topicName.charAt(0) == '$' && (f0 == '+' || f0 == '#')) {
            return false;
        }
        int fi = 0;
        int ti = 0;
        while (true) {
            if (fi == flen - 1 && filter.charAt(fi) == '#') { // fi == flen after a trailing '/'
                return true;
            }
            int fe = levelEnd(filter, fi);
            int te = levelEnd(topicName, ti);
            boolean plus = fe - fi == 1 && filter.charAt(fi) == '+';
            if (!plus && (fe - fi != te - ti || !filter.regionMatches(fi, topicName, ti, fe - fi))) {
                return false;
            }
            boolean filterDone = fe == flen;
            boolean topicDone = te == tlen;
            if (filterDone || topicDone) {
                if (filterDone && topicDone) {
                    return true;
                }
                // "a/#" also matches "a": the topic ended and only "/#" is left of the filter.
                return topicDone && fe + 2 == flen && filter.charAt(fe + 1) == '#';
            }
            fi = fe + 1;
            ti = te + 1;
        }
    }

    private static int levelEnd(String s, int from) {
        int i = s.indexOf('/', from);
        return i < 0 ? s.length() : i;
    }
}
