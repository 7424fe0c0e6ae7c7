package dev.mqttkit.contract;

import java.util.List;

/**
 * One normative statement of the catalogue in {@code fixtures/spec} (its README describes the fields).
 *
 * @param version     {@link Catalogue#V311} or {@link Catalogue#V31}
 * @param group       the 3.1.1 chapter, or the major section of the 3.1 specification ({@code 2}, {@code A})
 * @param keyword     the requirement keyword as the catalogue gives it, e.g. {@code MUST NOT}
 * @param differsFrom for a 3.1 difference, the 3.1.1 statements it replaces or weakens; empty otherwise
 */
public record Statement(String version, String id, String group, String section, String sectionTitle,
                        String keyword, Binds binds, String paraphrase, boolean observable,
                        String notObservableReason, List<String> differsFrom) {

    /** Which side of a connection the obligation falls on. */
    public enum Binds {
        SERVER, CLIENT, BOTH;

        static Binds parse(String text) {
            if ("server".equals(text)) {
                return SERVER;
            }
            return "client".equals(text) ? CLIENT : BOTH;
        }
    }

    public Statement {
        differsFrom = differsFrom == null ? List.of() : List.copyOf(differsFrom);
    }

    /** The strength of the statement; a keyword the catalogue got wrong counts as MUST, the serious case. */
    public Level level() {
        Level l = Level.parse(keyword);
        return l == null ? Level.MUST : l;
    }

    /** Whether the obligation falls (also) on the broker. */
    public boolean bindsServer() {
        return binds != Binds.CLIENT;
    }

    /** Whether the obligation falls (also) on the client. */
    public boolean bindsClient() {
        return binds != Binds.SERVER;
    }
}
