package org.onewindow.hub.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.core.config.MetricsConfiguration;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.apache.camel.component.jms.JmsComponent;
import org.onewindow.adapters.kit.FailureReason;
import org.onewindow.adapters.kit.RetryCount;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The broker, the JMS component the routes use, and the pieces every department route shares. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /**
     * Transacted consumers (the kit's department routes) use local JMS transactions on their own sessions. No
     * JmsTransactionManager is ever created for them: Camel's lazily created one would open a second session and
     * commit it empty after every message and every idle poll. The kit's endpoints say so themselves too, since
     * an endpoint option wins over the component's.
     */
    @Bean
    JmsComponent jms(ConnectionFactory connectionFactory) {
        JmsComponent jms = JmsComponent.jmsComponent(connectionFactory);
        jms.getConfiguration().setLazyCreateTransactionManager(false);
        return jms;
    }

    /**
     * The embedded broker's last resort for task queues: a message that keeps failing its consumer (the
     * hub crashing on it, the database down) goes to the dead-letter address after this many attempts.
     * Ordinary department failures are dead-lettered earlier, with their reason, by the routes.
     */
    @Bean
    @ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded", matchIfMissing = true)
    ArtemisConfigurationCustomizer taskQueueSettings(
            @Value("${onewindow.tasks.broker-max-delivery-attempts}") int maxDeliveryAttempts,
            @Value("${onewindow.tasks.broker-redelivery-delay-ms}") long redeliveryDelayMs,
            @Value("${onewindow.tasks.dead-letter-address}") String deadLetterAddress) {
        return configuration -> {
            configuration.addAddressSetting("onewindow.tasks.#", new AddressSettings()
                    .setMaxDeliveryAttempts(maxDeliveryAttempts)
                    .setRedeliveryDelay(redeliveryDelayMs)
                    .setRedeliveryMultiplier(2)
                    .setMaxRedeliveryDelay(60_000)
                    .setDeadLetterAddress(SimpleString.of(deadLetterAddress)));
            configuration.addQueueConfiguration(QueueConfiguration.of(deadLetterAddress)
                    .setRoutingType(RoutingType.ANYCAST).setDurable(true));
        };
    }

    /** The embedded broker's queue meters in the hub's registry (JVM meters are the hub's own already). */
    @Bean
    @ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded", matchIfMissing = true)
    ArtemisConfigurationCustomizer brokerMetrics(MeterRegistry registry) {
        return configuration -> configuration.setMetricsConfiguration(new MetricsConfiguration()
                .setPlugin(new BrokerMetrics(registry))
                .setJvmMemory(false).setJvmGc(false).setJvmThread(false));
    }

    /**
     * The embedded broker's own state, for /actuator/health. Boot's JMS check opens a connection, which
     * against a stopped in-VM broker hangs for as long as the client keeps retrying; asking the server is
     * immediate. With an external broker (profile external-broker) Boot's JMS check is used instead.
     */
    @Bean
    @ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded", matchIfMissing = true)
    HealthIndicator broker(EmbeddedActiveMQ embedded) {
        return () -> {
            ActiveMQServer server = embedded.getActiveMQServer();
            if (server == null || !server.isStarted() || !server.isActive()) {
                return Health.down().withDetail("broker", "embedded Artemis is not running").build();
            }
            return Health.up().withDetail("broker", "embedded Artemis " + server.getVersion().getFullVersion())
                    .withDetail("journal", server.getConfiguration().getJournalLocation().toString())
                    .withDetail("addresses", server.getPostOffice().getAddresses().size()).build();
        };
    }

    /** A database refusing what the hub writes is the hub's failure: a generic reason, the details in the log only. */
    @Bean
    FailureReason failureReason() {
        return new FailureReason(failure -> failure instanceof org.springframework.dao.DataAccessException
                || failure instanceof org.springframework.transaction.TransactionException);
    }

    /** Static: a post-processor is created before the beans it processes. */
    @Bean
    static ConsumerWindow consumerWindow(@Value("${onewindow.messaging.consumers.window-bytes}") int windowBytes) {
        return new ConsumerWindow(windowBytes);
    }

    @Bean
    RetryCount retryCount() {
        return new RetryCount();
    }
}
