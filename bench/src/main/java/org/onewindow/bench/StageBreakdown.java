package org.onewindow.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hub's own work by stage (intake, persistence, messaging, outbound HTTP, other), from the execution samples
 * (jdk.ExecutionSample) of its flight recording within one measured window.
 *
 * <p>How a sample is classified: the frame nearest the top of the stack that belongs to persistence (H2, PostgreSQL,
 * Hikari, Spring JDBC, the hub's *Store classes), messaging (Artemis, JMS, Camel JMS), outbound HTTP (Apache HttpClient,
 * CXF, java.net.http, Camel HTTP/CXF), the simulators or the database counters decides, so that an H2 write under a
 * JMS consumer counts as persistence and a SOAP call made from a JMS consumer as outbound HTTP. A messaging frame
 * decides only when no Camel or hub frame lies between it and the top: what a consumer thread runs through Camel
 * (routing, bean binding, the hub's logic) is "other", not the broker's cost. Otherwise a request thread (Tomcat,
 * Spring MVC on the stack) is intake, Jackson and Bean Validation included; what is left is "other" (Camel routing
 * and the hub's logic on consumer threads, timers, logging, metrics), its largest packages listed so that it does
 * not hide a hot spot.
 *
 * <p>JFR samples Java threads only: the JIT compilers' and the garbage collector's CPU are not in the samples, which
 * is why the report gives compile time apart.
 *
 * @param samples       execution samples of the hub's Java threads within the window
 * @param stages        samples by stage, in the report's order
 * @param otherPackages the largest packages of the top frames of "other" samples, samples each
 */
record StageBreakdown(long samples, Map<String, Long> stages, Map<String, Long> otherPackages) {

    static final String INTAKE = "intake", PERSISTENCE = "persistence", MESSAGING = "messaging",
            OUTBOUND = "outbound HTTP", OTHER = "other", SIMULATORS = "simulators (WireMock, when in the hub's JVM)",
            COUNTERS = "database counters (datasource-proxy, bench only)";
    static final List<String> ORDER = List.of(INTAKE, PERSISTENCE, MESSAGING, OUTBOUND, OTHER, SIMULATORS, COUNTERS);

    /** Frame prefixes that decide a sample, nearest the top first; class-name suffixes after them. */
    private static final List<String[]> DECIDING = List.of(
            new String[]{"net.ttddyy.dsproxy.", COUNTERS},
            new String[]{"org.onewindow.hub.observability.", COUNTERS},
            new String[]{"org.h2.", PERSISTENCE},
            new String[]{"org.postgresql.", PERSISTENCE},
            new String[]{"com.zaxxer.hikari.", PERSISTENCE},
            new String[]{"org.springframework.jdbc.", PERSISTENCE},
            new String[]{"org.flywaydb.", PERSISTENCE},
            new String[]{"org.apache.camel.component.sql.", PERSISTENCE},
            new String[]{"org.apache.camel.processor.idempotent.jdbc.", PERSISTENCE},
            new String[]{"org.apache.activemq.", MESSAGING},
            new String[]{"jakarta.jms.", MESSAGING},
            new String[]{"org.springframework.jms.", MESSAGING},
            new String[]{"org.apache.camel.component.jms.", MESSAGING},
            new String[]{"io.netty.", MESSAGING},
            new String[]{"org.apache.hc.", OUTBOUND},
            new String[]{"org.apache.cxf.", OUTBOUND},
            new String[]{"java.net.http.", OUTBOUND},
            new String[]{"jdk.internal.net.http.", OUTBOUND},
            new String[]{"org.apache.camel.component.http.", OUTBOUND},
            new String[]{"org.apache.camel.component.cxf.", OUTBOUND},
            new String[]{"com.github.tomakehurst.wiremock.", SIMULATORS},
            new String[]{"wiremock.", SIMULATORS},
            new String[]{"org.onewindow.seeds.simulators.", SIMULATORS});

    static StageBreakdown of(Path recording, Instant from, Instant to) throws IOException {
        return of(recording, List.<Instant[]>of(new Instant[]{from, to})).get(0);
    }

    /** One breakdown per window {from, to}, reading the recording once. */
    static List<StageBreakdown> of(Path recording, List<Instant[]> windows) throws IOException {
        List<Map<String, Long>> stages = new ArrayList<>();
        List<Map<String, Long>> other = new ArrayList<>();
        long[] samples = new long[windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            Map<String, Long> m = new LinkedHashMap<>();
            ORDER.forEach(s -> m.put(s, 0L));
            stages.add(m);
            other.add(new HashMap<>());
        }
        if (recording != null && Files.isRegularFile(recording)) {
            try (RecordingFile file = new RecordingFile(recording)) {
                while (file.hasMoreEvents()) {
                    RecordedEvent event = file.readEvent();
                    if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                            || event.getStackTrace().getFrames().isEmpty()) {
                        continue;
                    }
                    int w = window(windows, event.getStartTime());
                    if (w < 0) {
                        continue;
                    }
                    samples[w]++;
                    List<String> types = new ArrayList<>();
                    for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                        types.add(frame.getMethod().getType().getName());
                    }
                    String stage = classify(types);
                    stages.get(w).merge(stage, 1L, Long::sum);
                    if (stage.equals(OTHER)) {
                        String top = types.get(0);
                        other.get(w).merge(top.substring(0, Math.max(0, top.lastIndexOf('.'))), 1L, Long::sum);
                    }
                }
            }
        }
        List<StageBreakdown> result = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            Map<String, Long> topOther = new LinkedHashMap<>();
            other.get(i).entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                    .forEach(e -> topOther.put(e.getKey(), e.getValue()));
            result.add(new StageBreakdown(samples[i], stages.get(i), topOther));
        }
        return result;
    }

    private static int window(List<Instant[]> windows, Instant t) {
        for (int i = 0; i < windows.size(); i++) {
            if (!t.isBefore(windows.get(i)[0]) && !t.isAfter(windows.get(i)[1])) {
                return i;
            }
        }
        return -1;
    }

    /** The stage of one sample, from its frames' class names, top of the stack first. */
    static String classify(List<String> typesTopFirst) {
        boolean belowRoutingOrHubCode = false;
        for (String type : typesTopFirst) {
            // the hub's own stores are persistence, whatever called them
            if (type.startsWith("org.onewindow.") && (type.endsWith("Store") || type.contains("Store$"))) {
                return PERSISTENCE;
            }
            String stage = deciding(type);
            if (stage != null) {
                // a consumer thread's routing and the hub's logic above the JMS listener are not messaging's cost
                return stage.equals(MESSAGING) && belowRoutingOrHubCode ? OTHER : stage;
            }
            belowRoutingOrHubCode |= type.startsWith("org.apache.camel.") || type.startsWith("org.onewindow.");
        }
        // Jackson and Bean Validation count as intake only on a request thread: they also serve messages and stored JSON
        for (String type : typesTopFirst) {
            if (type.startsWith("org.apache.catalina.") || type.startsWith("org.apache.coyote.")
                    || type.startsWith("org.apache.tomcat.") || type.startsWith("org.springframework.web.")) {
                return INTAKE;
            }
        }
        return OTHER;
    }

    private static String deciding(String type) {
        for (String[] rule : DECIDING) {
            if (type.startsWith(rule[0])) {
                return rule[1];
            }
        }
        return null;
    }

    /** Share of the samples, %. */
    double percent(String stage) {
        return samples == 0 ? 0 : Math.round(stages.getOrDefault(stage, 0L) * 1000.0 / samples) / 10.0;
    }
}
