package org.onewindow.hub.problems;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;

/**
 * Guards how request bodies are read, before anything else runs (so before authentication too):
 * <ul>
 *   <li>a body over the limit is refused with 413 before anything reads it: at once when Content-Length says so,
 *       and while reading when the body is chunked;</li>
 *   <li>a body that arrives slower than a minimum data rate is cut off with 408 (Tomcat has no minimum rate of its
 *       own): after a grace period, at least {@code min-bytes-per-second} must have come for every second since the
 *       request started; a body that stalls altogether ends at Tomcat's upload timeout
 *       ({@code onewindow.http.body-read-timeout-ms}, {@link RequestTimeouts}), also a 408. A slow client therefore
 *       holds one of Tomcat's worker threads for seconds, never for minutes, and cannot starve the intake or the
 *       health check.</li>
 * </ul>
 */
@Component
// right after the message log's filter (HIGHEST_PRECEDENCE), which records the refusals made here too
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final long graceNanos;
    private final long minBytesPerSecond;
    private final ObjectMapper objectMapper;

    BodySizeLimitFilter(@Value("${onewindow.intake.max-body-bytes}") long limit,
                        @Value("${onewindow.http.body-grace-ms}") long graceMs,
                        @Value("${onewindow.http.body-min-bytes-per-second}") long minBytesPerSecond,
                        ObjectMapper objectMapper) {
        this.limit = limit;
        this.graceNanos = graceMs * 1_000_000L;
        this.minBytesPerSecond = minBytesPerSecond;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, new BodyTooLargeException(limit).problem());
            return;
        }
        LimitedRequest limited = new LimitedRequest(request, new Limits(limit, System.nanoTime(), graceNanos, minBytesPerSecond));
        try {
            chain.doFilter(limited, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            // a body read that timed out below a handler that did not answer it (a filter reading parameters, say)
            BodyTimeoutException slow = causeOf(failure, BodyTimeoutException.class);
            if (slow == null || response.isCommitted()) {
                throw failure;
            }
            response.reset();
            refuse(request, response, slow.problem());
        }
    }

    /** Answers at once and closes the connection: the unread rest of the body is not drained. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Connection", "close");
        problem.setInstance(URI.create(request.getRequestURI()));
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The limits one request's body is read under: its size, and the minimum rate from the request's start. */
    private record Limits(long maxBytes, long startNanos, long graceNanos, long minBytesPerSecond) {

        /** Throws once the body is behind the minimum rate: fewer bytes than the rate allows for the time since the grace. */
        void checkRate(long count) throws BodyTimeoutException {
            long late = System.nanoTime() - startNanos - graceNanos;
            if (late > 0 && count < minBytesPerSecond * late / 1_000_000_000L) {
                throw new BodyTimeoutException("arrived slower than " + minBytesPerSecond + " bytes per second ("
                        + count + " bytes in " + (System.nanoTime() - startNanos) / 1_000_000 + " ms)");
            }
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final Limits limits;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, Limits limits) {
            super(request);
            this.limits = limits;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limits);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final Limits limits;
        private long count;

        LimitedStream(ServletInputStream in, Limits limits) {
            this.in = in;
            this.limits = limits;
        }

        @Override
        public int read() throws IOException {
            limits.checkRate(count);
            int b = guarded(() -> in.read());
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            limits.checkRate(count);
            int n = guarded(() -> in.read(buffer, offset, length));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > limits.maxBytes()) {
                throw new BodyTooLargeException(limits.maxBytes());
            }
            limits.checkRate(count);
        }

        private interface Read {
            int read() throws IOException;
        }

        /** Tomcat's upload timeout ends a stalled read with a SocketTimeoutException (wrapped): a 408 too. */
        private int guarded(Read read) throws IOException {
            try {
                return read.read();
            } catch (IOException e) {
                if (causeOf(e, SocketTimeoutException.class) != null) {
                    throw new BodyTimeoutException("stalled: no data for longer than the read timeout (" + count + " bytes read)");
                }
                throw e;
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
