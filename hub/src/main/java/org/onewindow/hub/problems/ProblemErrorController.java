package org.onewindow.hub.problems;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * The servlet container's error page (/error), where an error lands that a filter or the container reported with
 * sendError rather than through the hub's exception handling: answered as problem+json like every other error,
 * in place of Spring Boot's own JSON. It shows no exception, message or trace; an exception is logged.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping(path = "${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer given && given >= 400 && given <= 599 ? given : 404;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable thrown) {
            log.error("Request to {} failed outside the controllers", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), thrown);
        }
        Fault fault = ProblemErrorReportValve.fault(status, null, null, null);
        ProblemDetail problem = Problems.of(HttpStatusCode.valueOf(status),
                status == 400 ? "invalid-request" : status == 404 ? "not-found" : "http-" + status,
                status == 404 ? "Not found" : status >= 500 ? "The hub failed to answer" : "The request was refused",
                fault.field() + " " + fault.message(), List.of(fault));
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            problem.setInstance(URI.create(uri.replaceAll("[^\\x21-\\x7e]", "")));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
