package org.onewindow.hub.simulators;

import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.onewindow.seeds.simulators.SimulatorSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** The embedded default: the departments' simulators run inside the hub, and the routes are pointed at them. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "onewindow.simulators.enabled", havingValue = "true")
class SimulatorConfiguration {

    @Bean(destroyMethod = "close")
    DepartmentSimulators departmentSimulators(SimulatorProperties properties, ConfigurableEnvironment environment) {
        DepartmentSimulators simulators = new DepartmentSimulators(new SimulatorSettings(properties.stubs(),
                properties.containerThreads(), properties.journalEntries(), properties.latencyMs()));
        // before the routes resolve their placeholders: Camel starts after every bean exists
        environment.getPropertySources().addFirst(new MapPropertySource("department-simulators", simulators.hubSettings()));
        return simulators;
    }

    /** Departments that decide later call the hub back on the port it got. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> simulatorsCallBackHere(DepartmentSimulators simulators) {
        return event -> simulators.callBackTo("http://localhost:" + event.getWebServer().getPort());
    }
}
