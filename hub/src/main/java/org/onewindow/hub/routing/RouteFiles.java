package org.onewindow.hub.routing;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Loads the YAML route files into Camel before it starts, group by group in the configured order
 * (the kit's templates before the adapters that use them). Spring finds the files: Camel's own
 * classpath scan took about 1.5 s per pattern in the packaged jar, while the web server was already
 * taking cases, and with {@code **} it read files from the wrong nested jar.
 */
final class RouteFiles implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RouteFiles.class);

    private final List<String> locations;
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    RouteFiles(List<String> locations) {
        this.locations = List.copyOf(locations);
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        for (String location : locations) {
            List<Resource> files = find(location);
            try {
                PluginHelper.getRoutesLoader(camelContext).loadRoutes(files);
            } catch (Exception e) {
                throw new IllegalStateException("cannot load the routes of " + location + ": " + e.getMessage(), e);
            }
            log.info("Loaded {} route file(s) from {}: {}", files.size(), location, files.stream().map(Resource::getLocation).toList());
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // nothing to do once running
    }

    private List<Resource> find(String location) {
        List<Resource> files = new ArrayList<>();
        try {
            org.springframework.core.io.Resource[] found = resolver.getResources(location);
            Arrays.sort(found, Comparator.comparing(org.springframework.core.io.Resource::getFilename));
            for (org.springframework.core.io.Resource file : found) {
                try (InputStream in = file.getInputStream()) {
                    // the name keeps the .yaml extension, which picks Camel's YAML loader
                    String name = location.replaceFirst("^classpath\\*:", "classpath:").replaceFirst("[^/]*$", "") + file.getFilename();
                    files.add(ResourceHelper.fromBytes(name, in.readAllBytes()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read route files " + location, e);
        }
        return files;
    }
}
