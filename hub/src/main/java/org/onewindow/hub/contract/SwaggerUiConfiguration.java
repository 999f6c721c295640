package org.onewindow.hub.contract;

import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Swagger UI over the written contract. springdoc.api-docs.enabled=false stops springdoc generating a
 * document from the code, which also switches off its UI; these are the beans its FAQ names for
 * "Swagger UI with a provided spec" (springdoc.swagger-ui.url points at /v3/api-docs).
 */
@Configuration(proxyBeanMethods = false)
class SwaggerUiConfiguration {

    @Bean
    SpringDocConfiguration springDocConfiguration() {
        return new SpringDocConfiguration();
    }

    @Bean
    SpringDocConfigProperties springDocConfigProperties() {
        return new SpringDocConfigProperties();
    }

    @Bean
    ObjectMapperProvider objectMapperProvider(SpringDocConfigProperties properties) {
        return new ObjectMapperProvider(properties);
    }
}
