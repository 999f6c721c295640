package org.onewindow.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the hub spent its CPU, from the Java Flight Recording it wrote (jdk.ExecutionSample events): the
 * methods most often on top of the stack, and the share of samples by library, so the report says which
 * part of the stack a hot spot belongs to.
 *
 * @param samples  execution samples in the recording
 * @param methods  top methods by samples on top of the stack, "class.method" → share of samples (%)
 * @param libraries share of samples (%) by the library of the top frame
 * @param ourCode  top frames of the hub's own code (org.onewindow) anywhere in the stack → share (%)
 * @param breakdown the same samples by stage of the hub's work (intake, persistence, messaging, outbound HTTP, other)
 */
record HotSpots(long samples, Map<String, Double> methods, Map<String, Double> libraries, Map<String, Double> ourCode,
                StageBreakdown breakdown) {

    private static final int TOP = 12;
    private static final List<String[]> LIBRARIES = List.of(
            new String[]{"org.onewindow.", "hub (org.onewindow)"},
            new String[]{"org.h2.", "H2 database"},
            new String[]{"org.postgresql.", "PostgreSQL driver"},
            new String[]{"com.zaxxer.hikari.", "HikariCP"},
            new String[]{"org.apache.activemq.", "Artemis"},
            new String[]{"io.netty.", "Netty (Artemis)"},
            new String[]{"org.apache.camel.", "Camel"},
            new String[]{"org.apache.cxf.", "CXF"},
            new String[]{"org.apache.hc.", "Apache HttpClient"},
            new String[]{"com.fasterxml.jackson.", "Jackson"},
            new String[]{"com.ctc.wstx.", "Woodstox (XML)"},
            new String[]{"com.sun.xml.", "JAXB/XML"},
            new String[]{"org.glassfish.jaxb.", "JAXB/XML"},
            new String[]{"org.hibernate.validator.", "Hibernate Validator"},
            new String[]{"org.springframework.", "Spring"},
            new String[]{"org.apache.catalina.", "Tomcat"},
            new String[]{"org.apache.coyote.", "Tomcat"},
            new String[]{"org.apache.tomcat.", "Tomcat"},
            new String[]{"io.micrometer.", "Micrometer"},
            new String[]{"ch.qos.logback.", "Logback"},
            new String[]{"io.github.resilience4j.", "Resilience4j"},
            new String[]{"java.", "JDK"},
            new String[]{"javax.", "JDK"},
            new String[]{"jdk.", "JDK"},
            new String[]{"sun.", "JDK"},
            new String[]{"com.sun.", "JDK"});

    /** The samples of the recording between {@code from} and {@code to} (the measured load, not start-up or warm-up). */
    static HotSpots of(Path recording, Instant from, Instant to) throws IOException {
        if (!Files.isRegularFile(recording)) {
            return new HotSpots(0, Map.of(), Map.of(), Map.of(), null);
        }
        Map<String, Long> methods = new HashMap<>();
        Map<String, Long> libraries = new HashMap<>();
        Map<String, Long> ours = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || event.getStackTrace().getFrames().isEmpty()
                    || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            RecordedFrame top = frames.get(0);
            String type = top.getMethod().getType().getName();
            methods.merge(type + "." + top.getMethod().getName(), 1L, Long::sum);
            libraries.merge(library(type), 1L, Long::sum);
            for (RecordedFrame frame : frames) {
                String t = frame.getMethod().getType().getName();
                if (t.startsWith("org.onewindow.")) {
                    ours.merge(t + "." + frame.getMethod().getName(), 1L, Long::sum);
                    break;
                }
            }
        }
        return new HotSpots(samples, top(methods, samples), top(libraries, samples), top(ours, samples),
                StageBreakdown.of(recording, from, to));
    }

    private static String library(String type) {
        for (String[] l : LIBRARIES) {
            if (type.startsWith(l[0])) {
                return l[1];
            }
        }
        return "other (" + type.substring(0, Math.max(0, type.lastIndexOf('.'))) + ")";
    }

    private static Map<String, Double> top(Map<String, Long> counts, long total) {
        Map<String, Double> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> top.put(e.getKey(), Math.round(e.getValue() * 1000.0 / total) / 10.0));
        return top;
    }
}
