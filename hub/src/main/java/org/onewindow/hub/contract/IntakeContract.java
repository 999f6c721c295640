package org.onewindow.hub.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;

/**
 * The intake API contract (schemas/intake-openapi.yaml) as one self-contained document: JSON Schema
 * files it refers to (case-request.schema.json) are copied into components/schemas, so that code
 * generators and Swagger UI need nothing else. The contract is written first; the hub serves it as is.
 */
@Component
public class IntakeContract {

    private static final String FOLDER = "contracts/";

    private final ObjectMapper json;
    private final JsonNode document;

    IntakeContract(ObjectMapper json) throws IOException {
        this.json = json;
        this.document = bundle(read("intake-openapi.yaml"));
    }

    public JsonNode document() {
        return document;
    }

    private JsonNode bundle(JsonNode doc) throws IOException {
        ObjectNode schemas = (ObjectNode) doc.at("/components/schemas");
        inlineExternalRefs(doc, schemas);
        return doc;
    }

    private void inlineExternalRefs(JsonNode node, ObjectNode schemas) throws IOException {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
                String[] parts = ref.asText().split("#", 2);
                String name = componentName(parts[0]);
                if (!schemas.has(name)) {
                    ObjectNode imported = (ObjectNode) json.readTree(open(parts[0]));
                    imported.remove("$schema");
                    rebaseLocalRefs(imported, "#/components/schemas/" + name);
                    schemas.set(name, imported);
                }
                object.put("$ref", "#/components/schemas/" + name + (parts.length > 1 ? parts[1] : ""));
            }
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            inlineExternalRefs(children.next(), schemas);
        }
    }

    private static void rebaseLocalRefs(JsonNode node, String base) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
                object.put("$ref", base + ref.asText().substring(1));
            }
        }
        node.elements().forEachRemaining(child -> rebaseLocalRefs(child, base));
    }

    /** case-request.schema.json -> CaseRequest */
    private static String componentName(String file) {
        StringBuilder name = new StringBuilder();
        for (String word : file.replace(".schema.json", "").replace(".json", "").split("-")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    private static JsonNode read(String file) throws IOException {
        try (InputStream in = open(file)) {
            return new YAMLMapper().readTree(in);
        }
    }

    private static InputStream open(String file) throws IOException {
        return new ClassPathResource(FOLDER + file).getInputStream();
    }

    /** For tests: the contract's example of an operation's request body. */
    public Map<String, JsonNode> requestExamples(String path, String method) {
        JsonNode examples = document.at("/paths/" + path.replace("/", "~1") + "/" + method + "/requestBody/content/application~1json/examples");
        java.util.LinkedHashMap<String, JsonNode> values = new java.util.LinkedHashMap<>();
        examples.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().get("value")));
        return values;
    }
}
