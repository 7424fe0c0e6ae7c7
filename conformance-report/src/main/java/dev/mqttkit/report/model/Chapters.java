package dev.mqttkit.report.model;

import dev.mqttkit.contract.Catalogue;
import java.util.Map;

/** Headings the pages group statements under: "Chapter 3 — MQTT Control Packets" (3.1.1), "Appendix A" (3.1). */
public final class Chapters {
    /** Prefix of the group key of a 3.1.1 statement listed among the statements of another version. */
    public static final String SHARED_GROUP = "3.1.1:";

    private static final Map<String, String> CHAPTERS_311 = Map.of(
            "1", "Introduction",
            "2", "MQTT Control Packet format",
            "3", "MQTT Control Packets",
            "4", "Operational behavior",
            "5", "Security",
            "6", "Using WebSocket as a network transport",
            "7", "Conformance");
    private static final Map<String, String> CHAPTERS_31 = Map.of(
            "2", "Message format",
            "3", "Command messages",
            "4", "Flows",
            "A", "Topic wildcards");

    private Chapters() {
    }

    /** The heading of a group of statements of {@code version}, e.g. "Chapter 4 — Flows" for 3.1 group 4. */
    public static String title(String version, String group) {
        if (group == null || group.isEmpty()) {
            return "Not in the catalogue";
        }
        if (Catalogue.V311.equals(version)) {
            String title = CHAPTERS_311.get(group);
            return title == null ? "Chapter " + group : "Chapter " + group + " \u2014 " + title;
        }
        String title = CHAPTERS_31.get(group);
        String heading = "A".equals(group) ? "Appendix A" : "Chapter " + group;
        return title == null ? heading : heading + " \u2014 " + title;
    }
}
