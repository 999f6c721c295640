package org.onewindow.adapters.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a JSON reply strictly: a body that is not JSON, or lacks a field the contract requires, is a contract fault.
 * A reader made with {@link #checkedAgainst} also checks every reply against the department's JSON Schema, so that
 * a field longer than the contract allows (a refusal text of 2,000 characters, an acceptance number of 123) is a
 * contract fault naming the field and its limit, before anything is stored.
 */
public final class JsonReplies {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER).locale(Locale.ENGLISH).build();
    /** A reason names at most this many of a reply's faults. */
    private static final int MAX_FAULTS = 3;

    private final String department;
    private final JsonSchema schema;
    private final String contract;

    private JsonReplies(String department, JsonSchema schema, String contract) {
        this.department = department;
        this.schema = schema;
        this.contract = contract;
    }

    /**
     * A reader that checks each reply against the department's JSON Schema.
     *
     * @param schemaResource the schema on the classpath, e.g. /contracts/departments/social-insurance/application-reply.schema.json
     */
    public static JsonReplies checkedAgainst(String department, String schemaResource) {
        try (InputStream in = JsonReplies.class.getResourceAsStream(schemaResource)) {
            if (in == null) {
                throw new IllegalStateException("no JSON schema " + schemaResource + " on the classpath");
            }
            return new JsonReplies(department, JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, CONFIG),
                    schemaResource.substring(schemaResource.lastIndexOf('/') + 1));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read JSON schema " + schemaResource, e);
        }
    }

    /** Parses the reply and checks it against the schema: every fault it breaks the contract with is a contract fault. */
    public JsonNode read(String body) {
        return check(parse(department, body));
    }

    /** Checks a parsed reply against the schema, for a mapping that reads a few fields of its own first. */
    public JsonNode check(JsonNode reply) {
        Set<ValidationMessage> faults = schema.validate(reply);
        if (!faults.isEmpty()) {
            List<String> described = faults.stream().map(this::describe).distinct().toList();
            String reason = String.join("; ", described.subList(0, Math.min(MAX_FAULTS, described.size())))
                    + (described.size() > MAX_FAULTS ? "; and " + (described.size() - MAX_FAULTS) + " more" : "");
            throw new DepartmentContractException(reason);
        }
        return reply;
    }

    private String describe(ValidationMessage fault) {
        String field = fault.getInstanceLocation() == null ? "" : fault.getInstanceLocation().toString();
        switch (fault.getType()) {
            case "required":
                return department + " reply lacks the required field " + field + "/" + fault.getProperty();
            case "maxLength":
                JsonNode value = fault.getInstanceNode();
                int length = value == null ? -1 : value.asText().codePointCount(0, value.asText().length());
                return department + " reply field " + field + " is " + length + " characters long; its contract allows at most "
                        + limit(fault) + " (maxLength in " + contract + ")";
            default:
                String message = fault.getMessage();
                int colon = message.indexOf(": ");
                return department + " reply field " + (field.isEmpty() ? "(root)" : field) + " breaks its contract: "
                        + (colon >= 0 ? message.substring(colon + 2) : message);
        }
    }

    private static String limit(ValidationMessage fault) {
        JsonNode limit = fault.getSchemaNode();
        if (limit != null && limit.isNumber()) {
            return limit.asText();
        }
        Object[] arguments = fault.getArguments();
        return arguments == null || arguments.length == 0 ? "?" : String.valueOf(arguments[0]);
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
