package org.onewindow.hub.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.activemq.artemis.core.server.metrics.ActiveMQMetricsPlugin;

import java.util.Map;

/**
 * Hands the embedded broker the hub's meter registry, so Artemis's own queue and address meters
 * (artemis.messages.added, artemis.message.count, ... tagged by queue) appear in /actuator/metrics and
 * /actuator/prometheus next to the hub's: operators and the benchmark read messages/s from them.
 */
class BrokerMetrics implements ActiveMQMetricsPlugin {

    private final transient MeterRegistry registry;

    BrokerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ActiveMQMetricsPlugin init(Map<String, String> options) {
        return this;
    }

    @Override
    public MeterRegistry getRegistry() {
        return registry;
    }
}
