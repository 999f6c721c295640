package org.onewindow.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads the YAML files that list callers and their hashed credentials (clients, people, holder tokens). A file
 * marked {@code demo: true} holds demo credentials: they work from the loopback address only, and the production
 * profile refuses to start with them ({@link ProductionSafety}).
 */
final class CredentialFiles {

    private static final YAMLMapper YAML = new YAMLMapper();

    private CredentialFiles() {
    }

    /** The file's content, or an empty document when no location is set. */
    static JsonNode read(ResourceLoader resources, String location) {
        if (location == null || location.isBlank()) {
            return YAML.createObjectNode();
        }
        Resource file = resources.getResource(location);
        try (InputStream in = file.getInputStream()) {
            JsonNode root = YAML.readTree(in);
            return root == null ? YAML.createObjectNode() : root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }

    static boolean isDemo(JsonNode file) {
        return file.path("demo").asBoolean(false);
    }
}
