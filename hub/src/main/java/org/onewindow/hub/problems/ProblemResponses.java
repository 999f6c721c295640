package org.onewindow.hub.problems;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.ErrorResponse;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;
import java.util.List;

/** Every error on every path is RFC 9457 application/problem+json with a list of faults. */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final RefusalLog refusalLog;
    private final java.time.Duration retryAfter;

    ProblemResponses(RefusalLog refusalLog,
                     @org.springframework.beans.factory.annotation.Value("${onewindow.intake.unavailable-retry-after}") java.time.Duration retryAfter) {
        this.refusalLog = refusalLog;
        this.retryAfter = retryAfter;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> refused(ProblemException e, jakarta.servlet.http.HttpServletRequest request) {
        if (e.status() == HttpStatus.UNAUTHORIZED || e.status() == HttpStatus.FORBIDDEN) {
            // a caller who is not entitled to this case, task or notice: audited like Security's own refusals
            refusalLog.refused(request, e.status().value(), e.type(), e.getMessage());
        }
        ProblemDetail problem = Problems.of(e.status(), e.type(), e.title(), e.getMessage(), e.faults());
        e.extensions().forEach(problem::setProperty);
        return e.retryAfterSeconds()
                .map(seconds -> ResponseEntity.status(e.status()).header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)).body(problem))
                .orElseGet(() -> respond(e.status(), problem));
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        return respond(HttpStatus.PAYLOAD_TOO_LARGE, e.problem());
    }

    /** A body slower than the minimum data rate: 408, and the connection closed (its rest is not drained). */
    @ExceptionHandler(BodyTimeoutException.class)
    ResponseEntity<ProblemDetail> tooSlow(BodyTimeoutException e) {
        return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT).header(HttpHeaders.CONNECTION, "close").body(e.problem());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        BodyTooLargeException tooLarge = causeOf(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        BodyTimeoutException slow = causeOf(e, BodyTimeoutException.class);
        if (slow != null) {
            return tooSlow(slow);
        }
        if (databaseUnreachable(e)) {
            // the database went away while the request was answered (the readiness check that refuses new cases up front
            // looks once a second): the caller tries again later, with the same Idempotency-Key
            log.warn("A request failed because the database did not answer: {}", e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())))
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "hub-unavailable", "The hub cannot answer now",
                            "The hub's database did not answer. Try again after Retry-After, with the same Idempotency-Key: a "
                                    + "request that was stored after all is answered as before, one that was not is stored then",
                            List.of()));
        }
        log.error("Unexpected failure answering a request", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "The hub failed to answer", "An unexpected error occurred; nothing was changed by this request. The hub's log has the details.", List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String given = e.getContentType() == null ? "none" : e.getContentType().toString();
        return problem(status, "unsupported-media-type", "Unsupported content type",
                new Fault("Content-Type", "unsupported-media-type",
                        "is " + given + "; this operation accepts " + e.getSupportedMediaTypes()));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            return problem(status, "invalid-request", "The request is not valid",
                    new Fault(missing.getHeaderName(), "required", "header is required"));
        }
        return problem(status, "invalid-request", "The request is not valid", new Fault("", "invalid", e.getMessage()));
    }

    /** A request record that fails Bean Validation (@Valid @RequestBody): every field's fault at once. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Fault> faults = new java.util.ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(error -> faults.add(new Fault(error.getField(),
                String.valueOf(error.getCode()), String.valueOf(error.getDefaultMessage()))));
        e.getBindingResult().getGlobalErrors().forEach(error -> faults.add(new Fault("body",
                String.valueOf(error.getCode()), String.valueOf(error.getDefaultMessage()))));
        faults.sort(java.util.Comparator.comparing(Fault::field).thenComparing(Fault::code));
        ProblemException invalid = ProblemException.invalid(faults);
        return ResponseEntity.status(invalid.status()).body(Problems.of(invalid.status(), invalid.type(), invalid.title(),
                invalid.getMessage(), invalid.faults()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(status, "method-not-allowed", "Method not allowed",
                new Fault("method", "method-not-allowed", e.getMethod() + " is not allowed here; allowed: " + e.getSupportedHttpMethods()));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(status, "not-found", "Not found", new Fault("path", "not-found", "/" + e.getResourcePath() + " does not exist"));
    }

    /** A JSON body Spring reads itself that is not JSON (endpoints that read strictly never get here). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = causeOf(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge.problem());
        }
        BodyTimeoutException slow = causeOf(e, BodyTimeoutException.class);
        if (slow != null) {
            return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT).header(HttpHeaders.CONNECTION, "close").body(slow.problem());
        }
        return problem(status, "invalid-request", "The request is not valid",
                new Fault("body", "malformed-json", "is not a readable JSON document of this operation"));
    }

    /** A path variable or query parameter of the wrong type, e.g. ?size=abc where a number is due. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
        return problem(status, "invalid-request", "The request is not valid",
                new Fault(name == null ? "parameter" : name, "invalid-type", "has the wrong type"));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = causeOf(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge.problem());
        }
        BodyTimeoutException slow = causeOf(e, BodyTimeoutException.class);
        if (slow != null) {
            return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT).header(HttpHeaders.CONNECTION, "close").body(slow.problem());
        }
        if (body == null && e instanceof ErrorResponse errorResponse) {
            body = errorResponse.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail detail && detail.getProperties() == null) {
            detail.setProperty("errors", List.of(new Fault("request", "http-" + status.value(), String.valueOf(detail.getDetail()))));
        }
        if (body instanceof ProblemDetail detail && URI.create("about:blank").equals(detail.getType())) {
            detail.setType(URI.create("/problems/" + (status.value() == 400 ? "invalid-request" : "http-" + status.value())));
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static ResponseEntity<Object> problem(HttpStatusCode status, String type, String title, Fault fault) {
        return ResponseEntity.status(status).body(Problems.of(status, type, title, fault.field() + " " + fault.message(), List.of(fault)));
    }

    /** The database could not be reached or dropped the connection: a passing condition, not a fault of the hub's. */
    private static boolean databaseUnreachable(Throwable e) {
        return causeOf(e, org.springframework.dao.DataAccessResourceFailureException.class) != null
                || causeOf(e, org.springframework.dao.TransientDataAccessException.class) != null
                || causeOf(e, org.springframework.transaction.CannotCreateTransactionException.class) != null
                || causeOf(e, java.sql.SQLTransientConnectionException.class) != null
                || causeOf(e, java.sql.SQLRecoverableException.class) != null
                // "JDBC rollback failed: Connection is closed", seen with PostgreSQL restarted under a request
                || (causeOf(e, org.springframework.transaction.TransactionSystemException.class) != null
                    && causeOf(e, java.sql.SQLException.class) != null)
                || connectionLost(e);
    }

    /** An SQLException of class 08 (connection exception) or 57P (the server shutting down or starting), anywhere in the causes. */
    private static boolean connectionLost(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatusCode status, ProblemDetail problem) {
        return ResponseEntity.status(status).body(problem);
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
