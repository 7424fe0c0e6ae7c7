package dev.mqttkit.codec.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mqttkit.codec.Hex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the fuzz tests' seed corpus from the fixtures: every case of {@code fixtures/vectors/*.json} and
 * {@code fixtures/malformed/*.json} (each has a {@code hex} field) behind a {@link FuzzInput} prefix, plus per version
 * one stream of a CONNECT and all other vectors, so the fuzzer starts from every packet type and from sequences.
 * Run by {@code codec/fuzz-seeds.sh}; files it did not write (such as {@code regression-*} inputs kept from crashes)
 * are left alone.
 *
 * <p>Arguments: the fixtures directory, the {@code DecoderFuzzTestsInputs} directory, then the fuzz test method names.
 */
public final class FuzzSeeds {
    private static final int MAX_STREAM = 2048;

    private FuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path fixtures = Path.of(args[0]);
        Path inputs = Path.of(args[1]);
        List<Seed> seeds = new ArrayList<>();
        seeds.addAll(cases(fixtures.resolve("vectors"), "vector"));
        seeds.addAll(cases(fixtures.resolve("malformed"), "malformed"));
        seeds.addAll(streams(fixtures.resolve("vectors")));
        for (int i = 2; i < args.length; i++) {
            Path dir = inputs.resolve(args[i]);
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.toList()) {
                    String n = p.getFileName().toString();
                    if (n.startsWith("vector-") || n.startsWith("malformed-") || n.startsWith("stream-")) {
                        Files.delete(p);
                    }
                }
            }
            for (Seed s : seeds) {
                Files.write(dir.resolve(s.name()), s.bytes());
            }
        }
        System.out.println(seeds.size() + " seeds written for " + (args.length - 2) + " fuzz tests under " + inputs);
    }

    private record Seed(String name, byte[] bytes) {
    }

    private record Case(String version, byte[] bytes) {
    }

    private static List<Seed> cases(Path dir, String kind) throws IOException {
        List<Seed> seeds = new ArrayList<>();
        for (Path file : jsonFiles(dir)) {
            String base = file.getFileName().toString().replace(".json", "");
            List<Case> cases = read(file);
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                seeds.add(new Seed(String.format("%s-%s-%03d", kind, base, i),
                        concat(FuzzInput.prefix(side(c), FuzzInput.ALL_AT_ONCE), c.bytes())));
            }
        }
        return seeds;
    }

    /** Per version: the first CONNECT vector, then every other vector of that version, fed in small chunks. */
    private static List<Seed> streams(Path vectors) throws IOException {
        List<Case> all = new ArrayList<>();
        for (Path file : jsonFiles(vectors)) {
            all.addAll(read(file));
        }
        List<Seed> seeds = new ArrayList<>();
        for (String version : List.of("3.1", "3.1.1")) {
            List<Case> mine = all.stream().filter(c -> c.version().equals(version)).toList();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mine.stream().filter(FuzzSeeds::isConnect).findFirst().ifPresent(c -> out.writeBytes(c.bytes()));
            for (Case c : mine) {
                if (!isConnect(c) && out.size() + c.bytes().length <= MAX_STREAM) {
                    out.writeBytes(c.bytes());
                }
            }
            byte[] prefix = FuzzInput.prefix(FuzzInput.SERVER, 0x35);
            seeds.add(new Seed("stream-" + version, concat(prefix, out.toByteArray())));
        }
        return seeds;
    }

    private static List<Case> read(Path file) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (JsonNode n : new ObjectMapper().readTree(file.toFile())) {
            if (n.hasNonNull("hex")) {
                cases.add(new Case(n.path("version").asText("3.1.1"), Hex.parse(n.get("hex").asText())));
            }
        }
        return cases;
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static boolean isConnect(Case c) {
        return c.bytes().length > 0 && (c.bytes()[0] & 0xF0) == 0x10;
    }

    /** A CONNECT is read by a server; anything else by a client of the case's version. */
    private static int side(Case c) {
        if (isConnect(c)) {
            return FuzzInput.SERVER;
        }
        return c.version().equals("3.1") ? FuzzInput.CLIENT_3_1 : FuzzInput.CLIENT_3_1_1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
