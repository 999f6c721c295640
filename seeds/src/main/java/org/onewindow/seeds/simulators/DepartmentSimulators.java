package org.onewindow.seeds.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.security.Authenticator;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The departments' systems as WireMock simulators, one per folder of stubs under
 * seeds/simulators/&lt;department&gt;/mappings, each on a free port. {@link #hubSettings()} gives the hub
 * what it needs to talk to them (onewindow.departments.&lt;department&gt;.base-url and .callback-secret).
 * The hub starts them in its embedded default; tests and the benchmark start them in their own JVM, and
 * {@link StandaloneSimulators} in a process of their own, beside several hubs.
 *
 * <p>They are reachable from this machine only: each listens on the loopback address ({@value #LOOPBACK}),
 * WireMock's admin API ({@code /__admin/*}: stubs, the request journal with full ID numbers) is refused over
 * HTTP, and each simulator calls the hub back as its own department only ({@link DepartmentCallbacks}).
 * Tests and demos program and inspect them through {@link #server(String)}, WireMock's in-process Java API.
 */
public class DepartmentSimulators implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DepartmentSimulators.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The only address the simulators listen on. */
    static final String LOOPBACK = "127.0.0.1";
    /** Refuses every call of the admin API over HTTP; the in-process Java API does not go through it. */
    private static final Authenticator NO_ADMIN_OVER_HTTP = request -> false;
    private static final Pattern DEPARTMENT_FOLDER = Pattern.compile("/simulators/([^/]+)/mappings/[^/]+\\.json$");

    private final Map<String, WireMockServer> servers = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final Map<String, List<Resource>> stubs;
    private final Map<String, Integer> ports = new java.util.concurrent.ConcurrentHashMap<>();
    /** Each simulated department signs its callbacks with a secret drawn at start, which the hub is given. */
    private final Map<String, String> callbackSecrets = new java.util.concurrent.ConcurrentHashMap<>();
    /** Where the departments that decide later call back: one hub, or several tried in turn. */
    private final java.util.concurrent.atomic.AtomicReference<List<String>> hubBaseUrls =
            new java.util.concurrent.atomic.AtomicReference<>(List.of());
    /** The OAuth2 clients of the departments that call back (seeds/simulators/&lt;department&gt;/client.json). */
    private final Map<String, DepartmentTokens> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    /** One callback listener per simulator, fixed to its department; kept across a take-down and bring-back. */
    private final Map<String, DepartmentCallbacks> callbacks = new java.util.concurrent.ConcurrentHashMap<>();
    /** What each simulated department decided per task, for status queries; kept across a take-down and bring-back. */
    private final Map<String, DepartmentDecisions> decisions = new java.util.concurrent.ConcurrentHashMap<>();
    private final SimulatorSettings settings;
    /** The province's case report store, kept across a take-down and bring-back of the provincial simulator. */
    private final ProvinceCaseReports caseReports = new ProvinceCaseReports();
    /** The simulator whose stubs use {@link ProvinceCaseReports}. */
    static final String PROVINCIAL = "provincial";

    public DepartmentSimulators(SimulatorSettings settings) {
        this.stubs = stubsByDepartment(settings.stubs());
        this.settings = settings;
        java.util.concurrent.atomic.AtomicInteger nextPort = new java.util.concurrent.atomic.AtomicInteger(settings.basePort());
        stubs.forEach((department, files) -> {
            callbackSecrets.put(department, java.util.UUID.randomUUID().toString());
            client(files.get(0)).ifPresent(client -> tokens.put(department, client));
            decisions.put(department, new DepartmentDecisions(department, java.time.Clock.systemUTC()));
            callbacks.put(department, new DepartmentCallbacks(department, hubBaseUrls::get, () -> callbackSecrets.get(department),
                    () -> tokens.get(department), decisions.get(department)));
            WireMockServer server = start(department, settings.basePort() == 0 ? 0 : nextPort.getAndIncrement());
            servers.put(department, server);
            log.info("Simulator of {} listening on {} with {} stub files", department, baseUrl(server), files.size());
        });
    }

    /** The hub's settings for reaching these simulators: each department's base-url and callback-secret. */
    public Map<String, Object> hubSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        servers.forEach((department, server) -> {
            settings.put("onewindow.departments." + department + ".base-url", baseUrl(server));
            settings.put("onewindow.departments." + department + ".callback-secret", callbackSecrets.get(department));
        });
        return settings;
    }

    /** The simulator of a department, for tests and demos that inspect its request journal. */
    public Optional<WireMockServer> server(String department) {
        return Optional.ofNullable(servers.get(department));
    }

    /** What the provincial platform holds of the hub's case reports (办件信息上报), for tests and demos. */
    public ProvinceCaseReports caseReports() {
        return caseReports;
    }

    /** What a simulated department decided for the tasks it accepted, as it answers status queries (tests, demos). */
    public DepartmentDecisions decisions(String department) {
        return Optional.ofNullable(decisions.get(department)).orElseThrow(() -> new IllegalArgumentException("no simulator of " + department));
    }

    /** Where simulated departments call the hub back, once its port is known. */
    public void callBackTo(String hubBaseUrl) {
        callBackTo(List.of(hubBaseUrl));
    }

    /**
     * Where simulated departments call back when several hubs share the work: a callback goes to the hub that answered
     * the last one, and to the next in this list when that one does not answer (refused, timed out, or 5xx), as a
     * department calling a load balancer's address would reach a live hub.
     */
    public void callBackTo(List<String> hubBaseUrls) {
        if (hubBaseUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one hub to call back");
        }
        this.hubBaseUrls.set(List.copyOf(hubBaseUrls));
    }

    /** The secret a simulated department signs its callbacks with. */
    public String callbackSecret(String department) {
        return callbackSecrets.get(department);
    }

    /** Takes a department's system off the network, as an outage would: its port refuses connections. */
    public void takeDown(String department) {
        WireMockServer server = server(department).orElseThrow();
        ports.put(department, server.port());
        server.stop();
        log.warn("Simulator of {} taken down", department);
    }

    /** Brings a department's system back on the same port, with its seeded stubs. */
    public void bringBack(String department) {
        WireMockServer server = start(department, ports.get(department));
        servers.put(department, server);
        log.warn("Simulator of {} back on {}", department, baseUrl(server));
    }

    /** The loopback address the simulator listens on, not "localhost", which may resolve to another address first. */
    private static String baseUrl(WireMockServer server) {
        return "http://" + LOOPBACK + ":" + server.port();
    }

    private WireMockServer start(String department, int port) {
        WireMockConfiguration options = options()
                .port(port)
                .bindAddress(LOOPBACK)
                .adminAuthenticator(NO_ADMIN_OVER_HTTP)
                .containerThreads(settings.containerThreads())
                // a delayed answer does not hold a Jetty thread while it waits
                .asynchronousResponseEnabled(settings.latencyMs() > 0)
                .asynchronousResponseThreads(Math.max(10, settings.containerThreads() / 2))
                .notifier(new Slf4jNotifier(false))
                .extensions(callbacks.get(department), decisions.get(department));
        if (PROVINCIAL.equals(department)) {
            options.extensions(caseReports);
        }
        // WireMock trims its journal by scanning all of it on every request (about 20 ms per bundle case at
        // 10,000 entries): without a test that reads it, the journal is off, and reading it fails loudly
        if (settings.journalEntries() > 0) {
            options.maxRequestJournalEntries(settings.journalEntries());
        } else {
            options.disableRequestJournal();
        }
        WireMockServer server = new WireMockServer(options);
        // stubs first, then the port: a system brought back must not answer anything before it knows its stubs
        // (a hub retrying meanwhile would take a half-loaded gateway's "not found" for an answer)
        if (settings.latencyMs() > 0) {
            server.setGlobalFixedDelay(settings.latencyMs());
        }
        stubs.get(department).forEach(file -> mappings(read(file)).forEach(server::addStubMapping));
        server.start();
        return server;
    }

    public Collection<String> departments() {
        return servers.keySet();
    }

    @Override
    public void close() {
        callbacks.values().forEach(DepartmentCallbacks::shutdown);
        servers.values().forEach(WireMockServer::stop);
    }

    private static Map<String, List<Resource>> stubsByDepartment(String pattern) {
        Map<String, List<Resource>> byDepartment = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                Matcher m = DEPARTMENT_FOLDER.matcher(resource.getURL().toString());
                if (m.find()) {
                    byDepartment.computeIfAbsent(m.group(1), d -> new java.util.ArrayList<>()).add(resource);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list simulator stubs " + pattern, e);
        }
        byDepartment.values().forEach(files -> files.sort(java.util.Comparator.comparing(Resource::getFilename)));
        return byDepartment;
    }

    /** A stub file holds one mapping, or several as {@code {"mappings": [ ... ]}} (WireMock's own format for many). */
    static List<StubMapping> mappings(String json) {
        try {
            JsonNode tree = JSON.readTree(json);
            if (tree.has("mappings") && tree.get("mappings").isArray()) {
                List<StubMapping> all = new java.util.ArrayList<>();
                tree.get("mappings").forEach(mapping -> all.add(StubMapping.buildFrom(mapping.toString())));
                return all;
            }
            return List.of(StubMapping.buildFrom(json));
        } catch (IOException e) {
            throw new IllegalStateException("a simulator stub file is not JSON: " + e.getMessage(), e);
        }
    }

    /** The department's client.json beside its mappings folder, if it has one. */
    private static Optional<DepartmentTokens> client(Resource anyStub) {
        try {
            // by URL text, not createRelative: "../" is not resolved inside every kind of jar URL
            Resource client = new org.springframework.core.io.UrlResource(
                    anyStub.getURL().toString().replaceFirst("/mappings/[^/]+\\.json$", "/client.json"));
            return client.exists() ? Optional.of(DepartmentTokens.of(read(client))) : Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the simulator's client.json beside " + anyStub, e);
        }
    }

    private static String read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read simulator stub " + file, e);
        }
    }
}
