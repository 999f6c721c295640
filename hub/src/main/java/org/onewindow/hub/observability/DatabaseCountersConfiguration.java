package org.onewindow.hub.observability;

import io.micrometer.core.instrument.MeterRegistry;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * {@code onewindow.observability.database-counters.enabled=true} (default false; bench/run turns it on): every
 * {@link DataSource} bean of the hub is wrapped in a datasource-proxy ({@code net.ttddyy:datasource-proxy}) whose
 * listeners count the statements the hub executes and the commits it makes, as Micrometer counters
 * ({@link DatabaseCounters}). The hub's code is unchanged: whatever writes through the pool (JdbcTemplate, Camel's
 * JDBC repository, Flyway, the message log's writer) is counted.
 *
 * <p>Cost: a JDK proxy around each connection and statement, and a listener call per JDBC method (commit detection)
 * and per execution; bench/ reports its share of the hub's CPU samples ("database counters" in the breakdown).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "onewindow.observability.database-counters.enabled", havingValue = "true")
class DatabaseCountersConfiguration {

    @Bean
    static BeanPostProcessor databaseCountingPostProcessor(ObjectProvider<MeterRegistry> registry) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof DataSource dataSource) || bean instanceof ProxyDataSource) {
                    return bean;
                }
                DatabaseCounters counters = new DatabaseCounters(registry.getObject());
                return ProxyDataSourceBuilder.create(beanName, dataSource)
                        .listener(counters)
                        .methodListener(counters)
                        .build();
            }
        };
    }
}
