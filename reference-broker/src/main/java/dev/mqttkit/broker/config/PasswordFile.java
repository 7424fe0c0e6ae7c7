package dev.mqttkit.broker.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A password file: one {@code user:password} per line, in plain text (the user name up to the first colon); blank
 * lines and lines starting with {@code #} are ignored. Plain text keeps the reference broker free of hashing
 * dependencies: it is a test target, not a production broker.
 */
public final class PasswordFile {
    private PasswordFile() {
    }

    static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read password file " + file + ": " + e.getMessage());
        }
        Map<String, String> users = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("password file " + file + " line " + (i + 1)
                        + " is not 'user:password'");
            }
            users.put(line.substring(0, colon), line.substring(colon + 1));
        }
        return users;
    }
}
