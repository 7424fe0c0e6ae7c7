package dev.mqttkit.report.catalogue;

import dev.mqttkit.report.model.Level;

/**
 * One normative statement of the catalogue in {@code fixtures/spec}.
 *
 * @param version {@code 3.1.1} or {@code 3.1}
 * @param group   the 3.1.1 chapter, or the major section of the 3.1 specification ({@code 2}, {@code A})
 */
public record Statement(String version, String id, String group, String section, String sectionTitle, Level level,
                        String paraphrase, boolean observable, String notObservableReason) {
}
