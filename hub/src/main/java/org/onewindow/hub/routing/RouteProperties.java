package org.onewindow.hub.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/** @param locations resource patterns of YAML route files, loaded in this order */
@ConfigurationProperties("onewindow.routes")
record RouteProperties(List<String> locations) {
}
