package org.onewindow.hub.departments;

import io.micrometer.core.instrument.MeterRegistry;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.observability.DepartmentCalls;
import org.onewindow.hub.observability.TaskBacklog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** The figures operators watch per connected department (console, Prometheus): its calls, timed, and its backlog of tasks. */
@Configuration(proxyBeanMethods = false)
class DepartmentFigures {

    /** Camel adds every EventNotifier bean of the registry to its management strategy: no manual registration. */
    @Bean
    DepartmentCalls departmentCalls(MeterRegistry registry, Clock clock, ConnectedDepartments departments) {
        return new DepartmentCalls(registry, clock, departments.all());
    }

    @Bean
    TaskBacklog taskBacklog(CaseStore store, Clock clock, MeterRegistry registry, ConnectedDepartments departments,
                            @Value("${onewindow.observability.backlog-fresh}") Duration fresh) {
        return new TaskBacklog(store, clock, fresh, registry, departments.all());
    }
}
