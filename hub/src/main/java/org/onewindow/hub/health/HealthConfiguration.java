package org.onewindow.hub.health;

import jakarta.jms.ConnectionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.boot.actuate.jms.JmsHealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * The readiness group's checks of the database ("db") and of an external broker ("jms"), each answering within
 * onewindow.health.check-timeout-ms (see {@link BoundedHealthIndicator}). The bean names replace Boot's own checks of
 * the same name. The embedded broker's check ("broker", messaging) asks the server in the same JVM and is immediate.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnEnabledHealthIndicator("db")
    BoundedHealthIndicator dbHealthIndicator(DataSource dataSource,
            @Value("${onewindow.health.check-timeout-ms}") long timeoutMs) {
        return new BoundedHealthIndicator("db", new DataSourceHealthIndicator(dataSource), Duration.ofMillis(timeoutMs));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnEnabledHealthIndicator("jms")
    @ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "native")
    BoundedHealthIndicator jmsHealthIndicator(ConnectionFactory connectionFactory,
            @Value("${onewindow.health.check-timeout-ms}") long timeoutMs) {
        return new BoundedHealthIndicator("jms", new JmsHealthIndicator(connectionFactory), Duration.ofMillis(timeoutMs));
    }
}
