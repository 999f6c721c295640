package org.onewindow.hub.pauses;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Route;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.onewindow.hub.departments.ConnectedDepartments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes the department routes follow the table of pauses: a paused department's routes &lt;department&gt;-tasks and
 * &lt;department&gt;-shares stop taking messages, which wait on their queues; resumed, they take them again. Applied as
 * each route starts (so a restarted hub never sends for a paused department), whenever this hub pauses or resumes one,
 * and every onewindow.pauses.check-interval-ms, so that every hub sharing the database follows.
 *
 * <p>The route's JMS consumer is suspended, not the route through RouteController.suspendRoute: that one waits for the
 * route's in-flight exchanges, and a task waiting for a department that is down stays in flight for as long as
 * onewindow.tasks.max-wait-for-department; on its timeout Camel forces the route down and such tasks would be
 * dead-lettered. A suspended consumer takes nothing new, and what is in flight finishes as it would have.
 */
@Component
class RoutePauses implements SmartLifecycle, CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RoutePauses.class);
    private static final List<String> ROUTE_SUFFIXES = List.of("-tasks", "-shares");

    private final PauseStore store;
    private final ConnectedDepartments connected;
    private final long checkIntervalMs;
    /** Given as Camel starts (not injected: the Camel context is built from beans like this one) */
    private volatile CamelContext camel;
    private volatile ScheduledExecutorService scheduler;

    RoutePauses(PauseStore store, ConnectedDepartments connected,
                @Value("${onewindow.pauses.check-interval-ms:3000}") long checkIntervalMs) {
        this.store = store;
        this.connected = connected;
        this.checkIntervalMs = checkIntervalMs;
    }

    /** The routes of a department that a pause stops. */
    static List<String> routeIds(String department) {
        return ROUTE_SUFFIXES.stream().map(suffix -> department + suffix).toList();
    }

    /** Brings every department route in line with the table: suspended while paused, taking messages otherwise. */
    synchronized void apply() {
        CamelContext camel = this.camel;
        if (camel == null) {
            return;
        }
        Set<String> paused = store.all().keySet();
        for (String department : connected.all()) {
            boolean pause = paused.contains(department);
            for (String routeId : routeIds(department)) {
                Route route = camel.getRoute(routeId);
                if (route != null) {
                    follow(route.getConsumer(), routeId, pause);
                }
            }
        }
    }

    /** Whether the route takes no messages now (paused); false for a route that does not exist. */
    boolean isSuspended(String routeId) {
        Route route = camel == null ? null : camel.getRoute(routeId);
        return route != null && ServiceHelper.isSuspended(route.getConsumer());
    }

    private static void follow(Consumer consumer, String routeId, boolean pause) {
        boolean suspended = ServiceHelper.isSuspended(consumer);
        try {
            if (pause && !suspended) {
                ServiceHelper.suspendService(consumer);
                log.warn("Route {} paused: its messages wait on the queue", routeId);
            } else if (!pause && suspended) {
                ServiceHelper.resumeService(consumer);
                log.warn("Route {} resumed", routeId);
            }
        } catch (RuntimeException e) {
            log.error("Could not {} route {}: {}", pause ? "pause" : "resume", routeId, e.getMessage());
        }
    }

    /** As each department route starts, before it has taken much: a paused department's route is suspended at once. */
    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        this.camel = camelContext;
        camelContext.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.RouteStartedEvent started) {
                    String routeId = started.getRoute().getRouteId();
                    connected.all().stream().filter(d -> routeIds(d).contains(routeId)).findFirst()
                            .filter(department -> store.find(department).isPresent())
                            .ifPresent(department -> follow(started.getRoute().getConsumer(), routeId, true));
                }
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.RouteStartedEvent;
            }
        });
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // the routes have started: the event notifier has applied the pauses
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "department-pauses");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                apply();
            } catch (RuntimeException e) {
                log.warn("Could not apply the department pauses now: {}", e.getMessage());
            }
        }, checkIntervalMs, checkIntervalMs, TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        if (executor != null) {
            executor.shutdownNow();
        }
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
