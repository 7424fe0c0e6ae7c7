package dev.mqttkit.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.mqttkit.report.model.TargetRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code results.json}: the machine-readable twin of a target page, and what the all-targets page is built from.
 * Unknown fields are ignored on reading so that a folder with results of an older or newer kit still renders.
 */
public final class ResultsJson {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new SimpleModule("instants")
                    .addSerializer(Instant.class, new InstantText())
                    .addDeserializer(Instant.class, new InstantParser()))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public byte[] toBytes(TargetRun run) throws IOException {
        return mapper.writeValueAsBytes(run);
    }

    public TargetRun read(Path file) throws IOException {
        TargetRun run = mapper.readValue(Files.readAllBytes(file), TargetRun.class);
        if (run.target() == null) {
            throw new IOException(file + " has no target");
        }
        return run;
    }

    private static final class InstantText extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class InstantParser extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                return Instant.parse(p.getValueAsString());
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
