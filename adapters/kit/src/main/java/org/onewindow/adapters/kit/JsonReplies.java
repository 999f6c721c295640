package org.onewindow.adapters.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a JSON reply strictly: a body that is not JSON, or lacks a field the contract requires, is a contract fault. */
public final class JsonReplies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReplies() {
    }

    public static JsonNode parse(String department, String body) {
        if (body == null || body.isBlank()) {
            throw new DepartmentContractException(department + " sent an empty reply");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (!node.isObject()) {
                throw new DepartmentContractException(department + " sent a reply that is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new DepartmentContractException(department + " sent malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The text of a required field, given as a JSON Pointer such as {@code /data/slbh}. */
    public static String requiredText(String department, JsonNode reply, String pointer) {
        JsonNode value = reply.at(pointer);
        if (value.isMissingNode() || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
            throw new DepartmentContractException(department + " reply lacks the required field " + pointer);
        }
        return value.asText();
    }

    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write department request", e);
        }
    }
}
