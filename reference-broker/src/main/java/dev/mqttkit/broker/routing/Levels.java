package dev.mqttkit.broker.routing;

import java.util.ArrayList;
import java.util.List;

/** Splits topic names and filters into levels, keeping empty levels ("a//b", "/a"), unlike String.split. */
final class Levels {
    private Levels() {
    }

    static List<String> of(String topic) {
        List<String> levels = new ArrayList<>(8);
        int from = 0;
        for (int i = 0; i < topic.length(); i++) {
            if (topic.charAt(i) == '/') {
                levels.add(topic.substring(from, i));
                from = i + 1;
            }
        }
        levels.add(topic.substring(from));
        return levels;
    }

    static boolean isSystem(String firstLevel) {
        return firstLevel.startsWith("$");
    }
}
