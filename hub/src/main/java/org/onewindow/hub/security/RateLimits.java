package org.onewindow.hub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Per-caller rate limits (token buckets, bucket4j): an authenticated caller by its name, anyone else by its
 * address. A caller over its rate gets 429 problem+json with Retry-After (whole seconds until a request is allowed
 * again) and its request does nothing. onewindow.security.rate-limits.* sets the rates.
 */
@Component
class RateLimits {

    private final SecurityProperties.RateLimits limits;
    private final ObjectMapper objectMapper;
    private final Counter limited;
    /** Bounded: a flood of new addresses evicts the oldest buckets rather than filling the heap. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    RateLimits(SecurityProperties properties, ObjectMapper objectMapper, MeterRegistry meters) {
        this.limits = properties.rateLimits();
        this.objectMapper = objectMapper;
        this.limited = Counter.builder("onewindow.rate.limited").description("requests refused with 429").register(meters);
    }

    /** The filter, placed after authentication so that callers are told apart by who they are. */
    Filter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (!limits.enabled()) {
                    chain.doFilter(request, response);
                    return;
                }
                Authentication caller = SecurityContextHolder.getContext().getAuthentication();
                boolean known = caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken);
                String key = known ? "caller:" + caller.getName() : "address:" + request.getRemoteAddr();
                Bucket bucket = buckets.get(key, k -> known ? bucket(limits.perSecond(), limits.burst())
                        : bucket(limits.anonymousPerSecond(), limits.anonymousBurst()));
                ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
                if (probe.isConsumed()) {
                    chain.doFilter(request, response);
                    return;
                }
                limited.increment();
                long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                        (known ? caller.getName() : "This address") + " sent more than " + (known ? limits.perSecond() : limits.anonymousPerSecond())
                                + " requests a second; try again in " + seconds + " s", List.of(new Fault("Authorization", "rate-limited",
                                "wait " + seconds + " s (Retry-After) before the next request")));
                problem.setInstance(URI.create(request.getRequestURI()));
                objectMapper.writeValue(response.getOutputStream(), problem);
            }
        };
    }

    private static Bucket bucket(long perSecond, long burst) {
        return Bucket.builder().addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1))).build();
    }
}
