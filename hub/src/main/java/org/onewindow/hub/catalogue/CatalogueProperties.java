package org.onewindow.hub.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param location resource pattern of the catalogue's YAML files
 * @param schema   the JSON Schema every file must satisfy
 */
@ConfigurationProperties("onewindow.catalogue")
record CatalogueProperties(String location, String schema) {
}
