package dev.mqttkit.contract;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading helpers for values another module wrote: absent and JSON null both read as null. */
final class Json {
    private Json() {
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
