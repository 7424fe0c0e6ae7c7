package dev.mqttkit.conformance.clientside;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a client driver as the user gives it ({@code mqtt.client}, {@code --client}), split into
 * arguments the way a POSIX shell splits a simple command: blanks separate, single quotes keep everything, double
 * quotes and backslashes work as usual. No variables, globs or pipes: the command is started directly.
 */
public record DriverCommand(String text, List<String> words) {

    public DriverCommand {
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the client driver command is empty");
        }
    }

    public static DriverCommand parse(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\\' && i + 1 < text.length()
                    && (quote == 0 || "\"\\$`".indexOf(text.charAt(i + 1)) >= 0)) {
                w.append(text.charAt(++i));
                inWord = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated " + quote + " quote in the client driver command: "
                    + text);
        }
        if (inWord) {
            words.add(w.toString());
        }
        return new DriverCommand(text, words);
    }

    /** The command with a case's options appended. */
    public List<String> with(DriverOptions options) {
        List<String> all = new ArrayList<>(words);
        all.addAll(options.arguments());
        return all;
    }
}
