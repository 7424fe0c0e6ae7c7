package dev.mqttkit.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads every file of a classpath folder, whether the suite runs from classes or from its jar. */
public final class Resources {
    private Resources() {
    }

    /** File name to UTF-8 content for the files in {@code folder} ending in {@code suffix}, sorted by name. */
    public static synchronized Map<String, String> readAll(String folder, String suffix) {
        URL url = Resources.class.getResource(folder);
        if (url == null) {
            return Map.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                // Close the jar's file system again: one left open makes the JUnit Platform's classpath scanner fail
                // (FileSystemAlreadyExistsException) on the next launcher run in this JVM, which then finds no tests.
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return read(fs.getPath(folder), suffix);
                } catch (FileSystemAlreadyExistsException someoneElsesStillOpen) {
                    return read(FileSystems.getFileSystem(uri).getPath(folder), suffix);
                }
            }
            return read(Path.of(uri), suffix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(Path dir, String suffix) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().forEach(files::add);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Path p : files) {
            out.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
        }
        return out;
    }
}
