package org.onewindow.hub.faults;

import org.onewindow.hub.testkit.ArtemisBroker;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubProcess;
import org.onewindow.hub.testkit.ProductionPostgres;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.onewindow.seeds.simulators.SimulatorSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Everything one fault scenario runs on, as production runs it: hubs from the packaged jar in processes of their own
 * (profiles postgres and external-broker), on one PostgreSQL with infra/postgresql's settings (its database made anew
 * for the scenario) and on real Artemis brokers from infra/artemis; the departments are the WireMock simulators in the
 * test's JVM, with their request journals on, so that they outlive every hub. A load balancer's view of the hubs is
 * kept here: the hubs that are up take the load and the departments' callbacks.
 */
final class FaultBed implements AutoCloseable {

    /** Each simulated department's answer time (below the hub's 2 s limit for material look-ups at intake). */
    static final int DEPARTMENT_LATENCY_MS = 1000;

    /** Settings that make the suite's recoveries quicker than production's defaults; reported with the results. */
    static final Map<String, String> QUICKER = quicker();

    private final ProductionPostgres postgres;
    private final ArtemisBroker broker;
    private final DepartmentSimulators departments;
    private final Path logs;
    private final Map<String, Hub> hubs = new LinkedHashMap<>();
    private volatile String token;

    /** A hub of the bed: its process and whether a load balancer would send to it now. */
    static final class Hub {
        final String id;
        final HubProcess process;
        volatile boolean up;

        Hub(String id, HubProcess process) {
            this.id = id;
            this.process = process;
        }

        String url() {
            return "http://127.0.0.1:" + process.port();
        }
    }

    FaultBed(ProductionPostgres postgres, ArtemisBroker broker, Path logs, List<String> hubIds) throws Exception {
        this.postgres = postgres;
        this.broker = broker;
        this.logs = logs;
        postgres.recreateDatabase();
        // a journal big enough for the whole scenario: the reconciliation reads every request. Every department takes
        // DEPARTMENT_LATENCY_MS to answer, so that each fault finds work in flight (tasks queued, sent, awaiting callbacks)
        this.departments = new DepartmentSimulators(new SimulatorSettings(SimulatorSettings.SEEDED_STUBS, 50, 200_000,
                DEPARTMENT_LATENCY_MS));
        for (String id : hubIds) {
            hubs.put(id, new Hub(id, new HubProcess(QuickStarts.jar(logs.getParent()), dataDir(id),
                    logs.resolve(id + ".log"), settings(id), QuickStarts.jvmOptions(logs.getParent()))));
        }
    }

    private List<String> settings(String id) {
        List<String> settings = new ArrayList<>(List.of(
                "spring.profiles.active=postgres,external-broker",
                "spring.datasource.url=" + postgres.jdbcUrl(),
                "spring.datasource.username=" + ProductionPostgres.USER,
                "spring.datasource.password=" + ProductionPostgres.PASSWORD,
                "spring.artemis.broker-url=" + broker.url(),
                "spring.artemis.user=" + ArtemisBroker.USER,
                "spring.artemis.password=" + ArtemisBroker.PASSWORD,
                "onewindow.instance.id=" + id,
                "onewindow.simulators.enabled=false"));
        QUICKER.forEach((name, value) -> settings.add(name + "=" + value));
        departments.hubSettings().forEach((name, value) -> settings.add(name + "=" + value));
        return settings;
    }

    private static Map<String, String> quicker() {
        Map<String, String> quicker = new LinkedHashMap<>();
        quicker.put("onewindow.cluster.heartbeat-every", "2s");
        quicker.put("onewindow.cluster.lease", "8s");
        quicker.put("onewindow.tasks.redispatch.every", "5s");
        quicker.put("onewindow.tasks.redispatch.after", "20s");
        quicker.put("onewindow.tasks.status-query-after", "10s");
        quicker.put("onewindow.tasks.callback-check-every", "5s");
        quicker.put("db-scheduler.polling-interval", "2s");
        quicker.put("db-scheduler.heartbeat-interval", "2s");
        return quicker;
    }

    ArtemisBroker broker() {
        return broker;
    }

    ProductionPostgres postgres() {
        return postgres;
    }

    DepartmentSimulators departments() {
        return departments;
    }

    Hub hub(String id) {
        return hubs.get(id);
    }

    /** Starts the hub and waits until it is healthy; then the load balancer sends to it. */
    void start(String id) {
        Hub hub = hubs.get(id);
        hub.process.start();
        hub.up = true;
        routeCallbacks();
    }

    /** Starts the hub in the background (the load goes on at the others meanwhile). */
    CompletableFuture<Void> startSoon(String id) {
        return CompletableFuture.runAsync(() -> start(id));
    }

    /** SIGKILL; the load balancer stops sending to it at once. */
    void kill(String id) throws InterruptedException {
        Hub hub = hubs.get(id);
        hub.up = false;
        routeCallbacks();
        hub.process.kill();
    }

    /** The base URLs a load balancer would send to now. */
    List<String> liveUrls() {
        return hubs.values().stream().filter(h -> h.up).map(Hub::url).toList();
    }

    /** The demo intake system's token, asked of the first hub that answers (every hub trusts it). */
    String token() {
        String known = token;
        if (known == null) {
            List<String> live = liveUrls();
            int port = Integer.parseInt(live.get(0).substring(live.get(0).lastIndexOf(':') + 1));
            known = new HubClient(port).token(DemoCallers.HALL_XUANWU);
            token = known;
        }
        return known;
    }

    /** The departments call back the first hub that is up, as they would call a load balancer's address. */
    private void routeCallbacks() {
        List<String> live = liveUrls();
        departments.callBackTo(live.isEmpty() ? "http://127.0.0.1:9" : live.get(0));
    }

    private Path dataDir(String id) {
        try {
            return Files.createDirectories(logs.resolve("data-" + id)).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        for (Hub hub : hubs.values()) {
            hub.up = false;
            hub.process.close();
        }
        departments.close();
        broker.close();
    }
}
