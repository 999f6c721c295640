package org.onewindow.hub.problems;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

import java.util.List;

/** A request the hub refuses, with every fault found; rendered as RFC 9457 problem+json. */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<Fault> faults;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private Long retryAfterSeconds;

    public ProblemException(HttpStatus status, String type, String title, String detail, List<Fault> faults) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.faults = List.copyOf(faults);
    }

    public static ProblemException invalid(List<Fault> faults) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                summary(faults), faults);
    }

    public static ProblemException unprocessable(List<Fault> faults) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "not-in-catalogue",
                "The request names something the hub cannot process", summary(faults), faults);
    }

    private static String summary(List<Fault> faults) {
        return faults.size() + (faults.size() == 1 ? " fault: " : " faults: ")
                + String.join("; ", faults.stream().map(f -> f.field() + " " + f.message()).toList());
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Fault> faults() {
        return faults;
    }

    /** An extension member of the problem document (RFC 9457 section 3.2), such as the one-time notice of a refusal. */
    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public Map<String, Object> extensions() {
        return Collections.unmodifiableMap(extensions);
    }

    /**
     * When to try again, for a refusal because some system is down (503): answered as the Retry-After header
     * (RFC 9110 section 10.2.3), in whole seconds, at least one.
     */
    public ProblemException retryAfter(java.time.Duration wait) {
        this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return this;
    }

    public java.util.Optional<Long> retryAfterSeconds() {
        return java.util.Optional.ofNullable(retryAfterSeconds);
    }
}
