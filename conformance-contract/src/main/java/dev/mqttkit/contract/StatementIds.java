package dev.mqttkit.contract;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** The {@link EntryKey#STATEMENTS} value: statement ids separated by spaces. */
public final class StatementIds {
    private StatementIds() {
    }

    public static String format(Collection<String> ids) {
        return String.join(" ", ids);
    }

    /** Ids from one or more published values, in first-occurrence order without duplicates; commas also separate. */
    public static List<String> parse(List<String> values) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String v : values) {
            for (String id : v.trim().split("[\\s,]+")) {
                if (!id.isEmpty()) {
                    ids.add(id);
                }
            }
        }
        return List.copyOf(ids);
    }
}
