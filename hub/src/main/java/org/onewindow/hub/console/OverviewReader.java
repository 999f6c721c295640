package org.onewindow.hub.console;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.onewindow.hub.cases.TaskStatus;
import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.departments.ConnectedDepartments;
import org.onewindow.hub.observability.CallWindow;
import org.onewindow.hub.observability.DepartmentCalls;
import org.onewindow.hub.observability.TaskBacklog;
import org.onewindow.hub.outbound.ProvincialGateway;
import org.onewindow.hub.pauses.DepartmentPauses;
import org.onewindow.schemas.catalogue.Department;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the overview from where each figure lives: the departments' circuit breakers, the hub's timing of department
 * calls ({@link DepartmentCalls}), the task backlog, Camel's management statistics of every route, the broker's queue
 * meters and the provincial gateway's circuits. Nothing here counts for itself.
 */
@Component
class OverviewReader {

    private final ConnectedDepartments departments;
    private final ServiceCatalogue catalogue;
    private final Map<String, CircuitBreaker> circuits;
    private final DepartmentCalls calls;
    private final TaskBacklog backlog;
    private final CamelContext camel;
    private final MeterRegistry meters;
    private final ProvincialGateway gateway;
    private final DepartmentPauses pauses;
    private final Clock clock;

    OverviewReader(ConnectedDepartments departments, ServiceCatalogue catalogue, Map<String, CircuitBreaker> departmentCircuitBreakers,
                   DepartmentCalls calls, TaskBacklog backlog, CamelContext camel, MeterRegistry meters, ProvincialGateway gateway,
                   DepartmentPauses pauses, Clock clock) {
        this.departments = departments;
        this.catalogue = catalogue;
        this.circuits = departmentCircuitBreakers;
        this.calls = calls;
        this.backlog = backlog;
        this.camel = camel;
        this.meters = meters;
        this.gateway = gateway;
        this.pauses = pauses;
        this.clock = clock;
    }

    Overview read() {
        return new Overview(clock.instant(), departments(), routes(), queues(), sources());
    }

    List<Overview.DepartmentHealth> departments() {
        List<Overview.DepartmentHealth> rows = new ArrayList<>();
        java.util.Set<String> paused = pauses.paused().keySet();
        for (String code : new java.util.TreeSet<>(departments.all())) {
            CircuitBreaker circuit = circuits.get(code);
            String circuitState = circuit == null ? "NONE" : circuit.getState().name();
            CallWindow.Window last5 = calls.window(code, 5);
            CallWindow.Window last60 = calls.window(code, 60);
            boolean isPaused = paused.contains(code);
            String state = circuitState.contains("OPEN") ? "DOWN" : isPaused ? "PAUSED" : last5.failed() > 0 ? "FAILING" : "UP";
            Department department = catalogue.department(code).orElse(null);
            rows.add(new Overview.DepartmentHealth(code, department == null ? code : department.name(),
                    department == null ? code : department.nameZh(), state, circuitState, figures(last5), figures(last60),
                    last60.lastErrorAt(), last60.lastError(), backlog.count(code, TaskStatus.QUEUED), backlog.count(code, TaskStatus.SENT),
                    backlog.count(code, TaskStatus.AWAITING_CALLBACK), backlog.count(code, TaskStatus.DEAD_LETTERED), isPaused));
        }
        return rows;
    }

    private static Overview.CallFigures figures(CallWindow.Window w) {
        return new Overview.CallFigures(w.calls(), w.perMinute(), millis(w.p50()), millis(w.p99()), w.errorRate());
    }

    private static Long millis(Duration d) {
        return d == null ? null : d.toMillis();
    }

    List<Overview.RouteFigures> routes() {
        ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        List<Overview.RouteFigures> rows = new ArrayList<>();
        for (Route route : camel.getRoutes()) {
            ManagedRouteMBean mbean = managed == null ? null : managed.getManagedRoute(route.getRouteId());
            if (mbean == null) {
                rows.add(new Overview.RouteFigures(route.getRouteId(), camel.getRouteController().getRouteStatus(route.getRouteId()).name(),
                        0, 0, 0, 0, 0));
            } else {
                rows.add(new Overview.RouteFigures(route.getRouteId(), mbean.getState(), mbean.getExchangesTotal(),
                        mbean.getExchangesFailed(), mbean.getExchangesInflight(), mbean.getMeanProcessingTime(), mbean.getMaxProcessingTime()));
            }
        }
        rows.sort(Comparator.comparing(Overview.RouteFigures::id));
        return rows;
    }

    /** From the broker's own meters (the embedded broker's, via the hub's registry); empty with an external broker. */
    List<Overview.QueueDepth> queues() {
        Map<String, long[]> byQueue = new TreeMap<>();
        for (Gauge gauge : meters.find("artemis.message.count").gauges()) {
            String queue = gauge.getId().getTag("queue");
            if (queue != null && !queue.startsWith("$") && !queue.startsWith("activemq.")) {
                byQueue.computeIfAbsent(queue, q -> new long[2])[0] = (long) gauge.value();
            }
        }
        for (Gauge gauge : meters.find("artemis.consumer.count").gauges()) {
            long[] row = byQueue.get(gauge.getId().getTag("queue"));
            if (row != null) {
                row[1] = (long) gauge.value();
            }
        }
        List<Overview.QueueDepth> rows = new ArrayList<>();
        byQueue.forEach((queue, row) -> rows.add(new Overview.QueueDepth(queue, row[0], row[1])));
        return rows;
    }

    List<Overview.SourceHealth> sources() {
        List<Overview.SourceHealth> rows = new ArrayList<>();
        gateway.services().forEach((party, service) -> rows.add(new Overview.SourceHealth(party, service.circuit().getState().name(),
                Math.max(0, service.circuit().getMetrics().getFailureRate()))));
        return rows;
    }
}
