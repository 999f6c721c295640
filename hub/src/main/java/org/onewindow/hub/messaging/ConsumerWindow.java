package org.onewindow.hub.messaging;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The hub's consumers take a message from the broker only when they are ready for it (Artemis consumerWindowSize,
 * onewindow.messaging.consumers.window-bytes; 0 by default). Artemis's default lets each consumer buffer a megabyte of
 * messages ahead: a department's consumer waiting for it during an outage would hold hundreds of its tasks' messages,
 * hidden from every other consumer, from the other hubs and from a queue browser, so that the search for lost messages
 * (tasks/TaskRedispatch) took them for lost. The hub's consumers are slow ones (each message is a department call), for
 * which Artemis recommends no buffer. Spring Boot builds the connection factory itself and offers no customizer for
 * it: this sets the window on it before its first connection.
 */
final class ConsumerWindow implements BeanPostProcessor {

    private final int windowBytes;

    ConsumerWindow(int windowBytes) {
        this.windowBytes = windowBytes;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Object factory = bean instanceof CachingConnectionFactory caching ? caching.getTargetConnectionFactory() : bean;
        if (factory instanceof ActiveMQConnectionFactory artemis) {
            artemis.setConsumerWindowSize(windowBytes);
        }
        return bean;
    }
}
