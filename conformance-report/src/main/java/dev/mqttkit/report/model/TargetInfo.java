package dev.mqttkit.report.model;

/**
 * The broker under test, as the suite describes it in its {@code mqttkit.target} entry. Every field but the name may
 * be null.
 */
public record TargetInfo(String name, String description, String url, String image, String broker) {

    public TargetInfo {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("target name must not be blank but was '" + name + "'");
        }
    }

    /** Fills the gaps of this description with another one of the same target. */
    public TargetInfo mergedWith(TargetInfo later) {
        return new TargetInfo(name,
                later.description != null ? later.description : description,
                later.url != null ? later.url : url,
                later.image != null ? later.image : image,
                later.broker != null ? later.broker : broker);
    }

    public static TargetInfo named(String name) {
        return new TargetInfo(name, null, null, null, null);
    }
}
