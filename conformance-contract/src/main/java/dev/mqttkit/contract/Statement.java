package dev.mqttkit.contract;

import java.util.List;

/**
 * One normative statement of the catalogue in {@code fixtures/spec} (its README describes the fields).
 *
 * @param version                     {@link Catalogue#V311} or {@link Catalogue#V31}
 * @param group                       the 3.1.1 chapter, or the major section of the 3.1 specification ({@code 2},
 *                                    {@code A})
 * @param keyword                     the requirement keyword as the catalogue gives it, e.g. {@code MUST NOT}
 * @param observable                  whether a test client can see on the wire that a broker obeys it
 * @param differsFrom                 for a 3.1 difference, the 3.1.1 statements it replaces or weakens; empty
 *                                    otherwise
 * @param observableOnClient          whether a scripted broker can see on the wire that a client obeys it
 * @param notObservableOnClientReason why not, whenever {@code observableOnClient} is false
 */
public record Statement(String version, String id, String group, String section, String sectionTitle,
                        String keyword, Binds binds, String paraphrase, boolean observable,
                        String notObservableReason, List<String> differsFrom, boolean observableOnClient,
                        String notObservableOnClientReason) {

    /** What a statement that binds only the server says about the client side. */
    public static final String SERVER_ONLY = "binds the server only";

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
        if (binds == Binds.SERVER) {
            observableOnClient = false;
            notObservableOnClientReason = SERVER_ONLY;
        }
    }

    /** A statement described for the broker side only: not observable on a client. */
    public Statement(String version, String id, String group, String section, String sectionTitle, String keyword,
                     Binds binds, String paraphrase, boolean observable, String notObservableReason,
                     List<String> differsFrom) {
        this(version, id, group, section, sectionTitle, keyword, binds, paraphrase, observable, notObservableReason,
                differsFrom, false, binds == Binds.SERVER ? SERVER_ONLY : null);
    }

    /** Whether a test can see on the wire that a target of {@code kind} obeys the statement. */
    public boolean observableOn(TargetFacts.Kind kind) {
        return kind == TargetFacts.Kind.CLIENT ? observableOnClient : observable;
    }

    /** Why a target of {@code kind} cannot be seen to obey it on the wire; null when it can. */
    public String notObservableReasonOn(TargetFacts.Kind kind) {
        if (observableOn(kind)) {
            return null;
        }
        return kind == TargetFacts.Kind.CLIENT ? notObservableOnClientReason : notObservableReason;
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
