package org.onewindow.hub.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.onewindow.schemas.catalogue.Catalogue;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the catalogue's YAML files, checks each against the catalogue JSON Schema, then checks the
 * references between entries. Any fault stops start-up with a message that names file, entry and field.
 */
final class CatalogueLoader {

    private final ObjectMapper objectMapper;
    private final long minutesPerDay;
    private final YAMLMapper yaml = new YAMLMapper();
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    /** @param officeHours the hall's office hours: a limit in working hours is compared with one in days through them */
    CatalogueLoader(ObjectMapper objectMapper, List<WorkingCalendar.Session> officeHours) {
        this.objectMapper = objectMapper;
        this.minutesPerDay = WorkingCalendar.minutesPerDay(officeHours);
    }

    SourcedCatalogue load(String location, String schemaLocation) {
        JsonSchema schema = schema(schemaLocation);
        List<String> faults = new ArrayList<>();
        SourcedCatalogue catalogue = SourcedCatalogue.empty();
        Resource[] files = resources(location);
        if (files.length == 0) {
            throw new CatalogueException(List.of("no catalogue file matches " + location));
        }
        for (Resource file : files) {
            String name = file.getFilename();
            JsonNode tree;
            try (InputStream in = file.getInputStream()) {
                tree = yaml.readTree(in);
            } catch (IOException e) {
                faults.add(name + ": not readable YAML: " + e.getMessage().lines().findFirst().orElse(""));
                continue;
            }
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                faults.add(name + ": the file is empty");
                continue;
            }
            List<String> schemaFaults = schema.validate(tree).stream()
                    .map(message -> describe(name, tree, message)).sorted().toList();
            if (!schemaFaults.isEmpty()) {
                faults.addAll(schemaFaults);
                continue;
            }
            try {
                catalogue = catalogue.merge(name, objectMapper.treeToValue(tree, Catalogue.class));
            } catch (IOException e) {
                faults.add(name + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        if (!faults.isEmpty()) {
            throw new CatalogueException(faults);
        }
        BundleInclusion inclusion = new BundleInclusion(catalogue.bundles());
        List<String> consistency = new CatalogueConsistency(catalogue, inclusion, minutesPerDay).faults();
        if (!consistency.isEmpty()) {
            throw new CatalogueException(consistency);
        }
        // a bundle built on others carries their steps from here on: planning, materials and the API see them all
        return inclusion.expand(catalogue);
    }

    /**
     * "items.yaml: items[2] (SI-CARD), field materials[0].source: does not have a value in the enumeration ...";
     * a missing property is named as the field ("items[2] (SI-CARD), field legalBasis: required property ...").
     */
    private static String describe(String file, JsonNode tree, ValidationMessage message) {
        String location = message.getInstanceLocation().toString(); // $.items[2].materials[0].source
        if ("required".equals(message.getType()) && message.getProperty() != null) {
            location = location + "." + message.getProperty();
        }
        String path = location.startsWith("$.") ? location.substring(2) : location.equals("$") ? "" : location;
        String problem = message.getError() != null ? message.getError() : message.getMessage();
        int entryEnd = path.indexOf(']');
        if (entryEnd < 0) {
            return file + (path.isEmpty() ? "" : ", field " + path) + ": " + problem;
        }
        String entry = path.substring(0, entryEnd + 1);
        String field = path.length() > entryEnd + 2 ? path.substring(entryEnd + 2) : "";
        JsonNode code = tree.at("/" + entry.replace("[", "/").replace("]", "") + "/code");
        String entryName = code.isTextual() ? entry + " (" + code.asText() + ")" : entry;
        return file + ": " + entryName + (field.isEmpty() ? "" : ", field " + field) + ": " + problem;
    }

    private JsonSchema schema(String schemaLocation) {
        try (InputStream in = resolver.getResource(schemaLocation).getInputStream()) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the catalogue schema " + schemaLocation, e);
        }
    }

    /** The files of every comma-separated pattern, each pattern's files in name order. */
    private Resource[] resources(String locations) {
        List<Resource> all = new java.util.ArrayList<>();
        for (String location : locations.split(",")) {
            try {
                Resource[] found = resolver.getResources(location.trim());
                Arrays.sort(found, Comparator.comparing(Resource::getFilename));
                all.addAll(List.of(found));
            } catch (IOException e) {
                throw new CatalogueException(List.of("cannot list catalogue files " + location + ": " + e.getMessage()));
            }
        }
        return all.toArray(Resource[]::new);
    }
}
