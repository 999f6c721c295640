package org.onewindow.hub.routing;

import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    CamelContextConfiguration routeFiles(RouteProperties properties) {
        return new RouteFiles(properties.locations());
    }
}
