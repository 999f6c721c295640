package org.onewindow.hub.simulators;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "onewindow.simulators.enabled", havingValue = "true")
class SimulatorConfiguration {

    @Bean(destroyMethod = "close")
    DepartmentSimulators departmentSimulators(SimulatorProperties properties, ConfigurableEnvironment environment) {
        return new DepartmentSimulators(properties.stubs(), properties, environment);
    }

    /** Departments that decide later call the hub back on the port it got. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> simulatorsCallBackHere(DepartmentSimulators simulators) {
        return event -> simulators.callBackTo("http://localhost:" + event.getWebServer().getPort());
    }
}
