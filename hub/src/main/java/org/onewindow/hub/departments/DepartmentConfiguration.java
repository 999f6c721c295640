package org.onewindow.hub.departments;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.onewindow.adapters.kit.DepartmentAdapter;
import org.onewindow.adapters.kit.DepartmentOutage;
import org.onewindow.adapters.kit.DepartmentRetries;
import org.onewindow.hub.catalogue.WorkingCalendar;
import org.onewindow.hub.catalogue.WorkingDuration;
import org.onewindow.hub.observability.CircuitMeters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One circuit breaker per connected department, and the rule for tasks whose department is down. */
@Configuration(proxyBeanMethods = false)
class DepartmentConfiguration {

    /** A task whose department cannot be reached waits onewindow.tasks.max-wait-for-department, in working time. */
    @Bean
    DepartmentOutage departmentOutage(@Value("${onewindow.tasks.max-wait-for-department}") String maxWait, WorkingCalendar calendar,
                                      Clock clock) {
        WorkingDuration limit = WorkingDuration.parse(maxWait);
        return new DepartmentOutage(since -> calendar.plus(since, limit), clock);
    }

    /**
     * Each department's breaker: onewindow.departments.&lt;d&gt;.circuit-breaker.*, else onewindow.circuit-breaker.*; its
     * state is the gauge onewindow.circuit.state{circuit="department-&lt;d&gt;"} ({@link CircuitMeters}).
     */
    @Bean
    Map<String, CircuitBreaker> departmentCircuitBreakers(List<DepartmentAdapter> adapters, CircuitBreakerProperties defaults,
                                                          Environment environment, MeterRegistry meters) {
        Map<String, CircuitBreaker> breakers = new TreeMap<>();
        adapters.forEach(adapter -> breakers.put(adapter.department(), DepartmentOutage.circuitBreaker(adapter.department(),
                defaults.overriddenBy(environment, "onewindow.departments." + adapter.department() + ".circuit-breaker"))));
        breakers.values().forEach(breaker -> CircuitMeters.bind(meters, breaker));
        return breakers;
    }

    /** The settings every adapter passes to the kit's templates, per department: onewindow.departments.&lt;d&gt;.&lt;setting&gt;. */
    static final List<String> CALL_SETTINGS = List.of("connect-timeout-ms", "response-timeout-ms", "concurrency",
            "share-concurrency");

    /**
     * Gives every connected department its call settings before Camel resolves the adapters' routes: its own
     * onewindow.departments.&lt;d&gt;.* where set, else onewindow.department-defaults.*. So a default is written once
     * (application.yaml), the kit's templates need none, and an adapter that passes
     * {@code {{onewindow.departments.<d>.response-timeout-ms}}} always gets the figure that applies to it.
     */
    @Bean
    CamelContextConfiguration departmentCallSettings(List<DepartmentAdapter> adapters, ConfigurableEnvironment environment) {
        Map<String, Object> defaults = new TreeMap<>();
        for (DepartmentAdapter adapter : adapters) {
            for (String setting : CALL_SETTINGS) {
                defaults.put("onewindow.departments." + adapter.department() + "." + setting,
                        environment.getRequiredProperty("onewindow.department-defaults." + setting));
            }
        }
        // last: anything set anywhere (application.yaml, a profile, the environment) wins over the default
        environment.getPropertySources().addLast(new MapPropertySource("department-defaults", defaults));
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                // the settings are in the environment once this bean exists, before any route is loaded
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing to do once running
            }
        };
    }

    /** Each department's retries: onewindow.departments.&lt;d&gt;.retry.maximum-redeliveries, else the hub's default. */
    @Bean
    DepartmentRetries departmentRetries(Environment environment,
                                        @Value("${onewindow.tasks.retry.maximum-redeliveries}") int defaultRedeliveries) {
        return new DepartmentRetries(department -> environment.getProperty(
                "onewindow.departments." + department + ".retry.maximum-redeliveries", Integer.class, defaultRedeliveries));
    }

    /** The routes' circuitBreaker steps find "circuit-breaker-&lt;department&gt;" in Camel's registry. */
    @Bean
    CamelContextConfiguration circuitBreakersInCamel(Map<String, CircuitBreaker> departmentCircuitBreakers) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                departmentCircuitBreakers.forEach((department, breaker) ->
                        camelContext.getRegistry().bind("circuit-breaker-" + department, CircuitBreaker.class, breaker));
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing to do once running
            }
        };
    }

    /**
     * Departments' reachability for operators. Always UP: a department that is down is outside the hub,
     * and the hub keeps taking cases and queues its tasks until it is back.
     */
    @Bean
    HealthIndicator departments(Map<String, CircuitBreaker> departmentCircuitBreakers) {
        return () -> {
            Map<String, Object> details = new TreeMap<>();
            departmentCircuitBreakers.forEach((department, breaker) -> details.put(department, CircuitHealth.details(breaker)));
            return Health.up().withDetails(details).build();
        };
    }
}
