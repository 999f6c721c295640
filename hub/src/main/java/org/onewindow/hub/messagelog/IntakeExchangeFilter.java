package org.onewindow.hub.messagelog;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records every request to /api/** and its answer in the message log: the caller, the operation (method and path
 * pattern), the case and task where the path or the answer's Location names them, the status, and the SHA-256 of
 * both bodies, hashed while they stream (no second copy, unless a party's bodies are kept). The first filter of all,
 * so that refusals made by later filters (a body over the limit, a missing credential) are recorded too.
 *
 * <p>The caller is the principal the request was authenticated as ({@link CallerMarker} notes it inside the security
 * filters, before the access rules, so a caller refused with 403 is named too), else {@code anonymous} (no or no
 * valid credentials: 401). A department callback is recorded as {@link Channel#CALLBACK} with its department
 * and task.
 */
final class IntakeExchangeFilter extends OncePerRequestFilter {

    /** The request attribute {@link CallerMarker} sets to the authenticated caller's name. */
    static final String CALLER = IntakeExchangeFilter.class.getName() + ".caller";
    private static final Pattern CASE_ID = Pattern.compile("OW\\d{8}-[0-9A-Z]{10}");

    private final MessageLog messageLog;
    private final Clock clock;
    private final long maxBodyBytes;

    IntakeExchangeFilter(MessageLog messageLog, Clock clock, long maxBodyBytes) {
        this.messageLog = messageLog;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        int keep = messageLog.keepsAnyBodies() ? messageLog.maxKeptBodyBytes() : 0;
        DigestingRequest digestingRequest = new DigestingRequest(request, keep);
        DigestingResponse digestingResponse = new DigestingResponse(response, keep);
        String unhandled = null;
        try {
            chain.doFilter(digestingRequest, digestingResponse);
        } catch (IOException | ServletException | RuntimeException e) {
            unhandled = e.getClass().getSimpleName();
            throw e;
        } finally {
            digestingResponse.finish();
            record(digestingRequest, digestingResponse, unhandled, started);
        }
    }

    @SuppressWarnings("unchecked")
    private void record(DigestingRequest request, DigestingResponse response, String unhandled, long started) {
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String path = pattern != null ? pattern.toString() : request.getRequestURI();
        String department = variables == null ? null : variables.get("department");
        String taskId = variables == null ? null : variables.get("taskId");
        String caseId = variables == null ? null : variables.get("caseId");
        if (caseId == null) {
            caseId = caseIdIn(response.getHeader("Location"));
        }
        if (caseId == null) {
            caseId = caseIdIn(taskId);
        }
        String status = unhandled != null ? "500 unhandled " + unhandled
                : response.getStatus() + (response.sentError ? " (container error page)" : "");
        Object caller = request.getAttribute(CALLER);
        if (caller == null) {
            Principal principal = request.getUserPrincipal();
            caller = principal == null ? "anonymous" : principal.getName();
        }
        boolean callback = department != null && taskId != null && path.contains("/callbacks/");
        messageLog.record(new LoggedExchange(clock.instant(), (System.nanoTime() - started) / 1_000_000,
                callback ? Channel.CALLBACK : Channel.INTAKE, caller.toString(), "hub", department,
                request.getMethod() + " " + path, caseId, taskId, status, request.body(maxBodyBytes, response.getStatus() == 408 || response.getStatus() == 413
                        || "close".equalsIgnoreCase(response.getHeader("Connection"))),
                response.body()));
    }

    private static String caseIdIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = CASE_ID.matcher(text);
        return m.find() ? m.group() : null;
    }

    /** The request, its body hashed as the application reads it. */
    static final class DigestingRequest extends HttpServletRequestWrapper {
        private final int keepLimit;
        private DigestingInput input;
        private BufferedReader reader;

        DigestingRequest(HttpServletRequest request, int keepLimit) {
            super(request);
            this.keepLimit = keepLimit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (input == null) {
                input = new DigestingInput(super.getInputStream(), keepLimit);
            }
            return input;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                reader = new BufferedReader(new InputStreamReader(getInputStream(),
                        encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding)));
            }
            return reader;
        }

        /**
         * The body as the log records it. A body read up to its declared length is complete. What the application left
         * unread is read now, up to the intake's body limit, as the container would read it anyway to reuse the
         * connection (usually nothing is left but the end of the stream); never when the answer closes the connection
         * (a body refused as too large or too slow is not waited for). A body refused unread, or read by the container
         * itself (form parameters), is recorded as unseen with its declared length.
         */
        Body body(long maxBodyBytes, boolean closing) {
            long declared = getContentLengthLong();
            boolean hasBody = declared > 0 || (declared < 0 && getHeader("Transfer-Encoding") != null);
            if (!hasBody) {
                return input == null || input.count == 0 ? Body.of(new byte[0]) : input.body();
            }
            if (input != null && declared >= 0 && input.count == declared) {
                return input.body();
            }
            if (closing) {
                return Body.unseen(declared >= 0 ? declared : null);
            }
            try {
                DigestingInput in = (DigestingInput) getInputStream();
                if (!in.finished && (declared < 0 || declared <= maxBodyBytes)) {
                    byte[] skip = new byte[8192];
                    while (in.count <= maxBodyBytes && in.read(skip, 0, skip.length) >= 0) {
                        // hashed as it is read
                    }
                }
                if (!in.finished || (declared >= 0 && in.count != declared)) {
                    return Body.unseen(declared >= 0 ? declared : null);
                }
                return in.body();
            } catch (IOException | RuntimeException e) {
                return Body.unseen(declared >= 0 ? declared : null);
            }
        }
    }

    private static final class DigestingInput extends ServletInputStream {
        private final ServletInputStream in;
        private final MessageDigest digest = Hashes.sha256();
        private final int keepLimit;
        private ByteArrayOutputStream kept;
        private long count;
        private boolean finished;

        DigestingInput(ServletInputStream in, int keepLimit) {
            this.in = in;
            this.keepLimit = keepLimit;
            this.kept = keepLimit > 0 ? new ByteArrayOutputStream() : null;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                finished = true;
            } else {
                digest.update((byte) b);
                count++;
                keep(new byte[]{(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                finished = true;
            } else if (n > 0) {
                digest.update(buffer, offset, n);
                count += n;
                keep(buffer, offset, n);
            }
            return n;
        }

        private void keep(byte[] b, int off, int len) {
            if (kept != null) {
                if (kept.size() + len > keepLimit) {
                    kept = null;
                } else {
                    kept.write(b, off, len);
                }
            }
        }

        Body body() {
            return new Body(Hashes.hex(digest.digest()), count, kept == null ? null : kept.toByteArray());
        }

        @Override
        public boolean isFinished() {
            return finished || in.isFinished();
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

    /** The response, its body hashed as it is written. */
    static final class DigestingResponse extends HttpServletResponseWrapper {
        private final int keepLimit;
        private DigestingServletOutput output;
        private PrintWriter writer;
        boolean sentError;

        DigestingResponse(HttpServletResponse response, int keepLimit) {
            super(response);
            this.keepLimit = keepLimit;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (writer != null) {
                throw new IllegalStateException("getWriter() has already been called for this response");
            }
            return output();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                if (output != null) {
                    throw new IllegalStateException("getOutputStream() has already been called for this response");
                }
                writer = new PrintWriter(new OutputStreamWriter(output(), Charset.forName(getCharacterEncoding())));
            }
            return writer;
        }

        private DigestingServletOutput output() throws IOException {
            if (output == null) {
                output = new DigestingServletOutput(super.getOutputStream(), keepLimit);
            }
            return output;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            super.flushBuffer();
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            sentError = true;
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            sentError = true;
            super.sendError(sc);
        }

        @Override
        public void reset() {
            super.reset();
            restart();
        }

        @Override
        public void resetBuffer() {
            super.resetBuffer();
            restart();
        }

        private void restart() {
            // what was written before a reset never reaches the client: start the hash again
            if (output != null) {
                output.restart();
            }
            writer = null;
        }

        /** Pushes what the writer holds into the stream, so the hash covers it (the container would flush it next). */
        void finish() {
            if (writer != null) {
                writer.flush();
            }
        }

        Body body() {
            if (sentError) {
                return Body.unseen(null);
            }
            return output == null ? Body.of(new byte[0]) : output.body();
        }
    }

    private static final class DigestingServletOutput extends ServletOutputStream {
        private final ServletOutputStream out;
        private final int keepLimit;
        private MessageDigest digest = Hashes.sha256();
        private ByteArrayOutputStream kept;
        private long count;

        DigestingServletOutput(ServletOutputStream out, int keepLimit) {
            this.out = out;
            this.keepLimit = keepLimit;
            this.kept = keepLimit > 0 ? new ByteArrayOutputStream() : null;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            count++;
            keep(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            count += len;
            keep(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        private void keep(byte[] b, int off, int len) {
            if (kept != null) {
                if (kept.size() + len > keepLimit) {
                    kept = null;
                } else {
                    kept.write(b, off, len);
                }
            }
        }

        void restart() {
            digest = Hashes.sha256();
            count = 0;
            kept = keepLimit > 0 ? new ByteArrayOutputStream() : null;
        }

        Body body() {
            return new Body(Hashes.hex(digest.digest()), count, kept == null ? null : kept.toByteArray());
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
