package org.onewindow.hub.caselog;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * An HTTP request about a case logs with its id: /api/v1/cases/{caseId}/… puts caseId, a department's callback
 * /api/v1/departments/{department}/callbacks/{taskId} puts taskId, for the request's whole handling (security,
 * controller, problem answers), and takes them away after. POST /api/v1/cases learns its case id in the intake
 * (intake/CaseIntake). First of all filters, so that the security chain's lines carry it too; a path that is not
 * about a case costs two startsWith.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseLogFilter extends OncePerRequestFilter {

    private static final String INTAKE = "/api/v1/cases";
    private static final String CASES = "/api/v1/cases/";
    private static final String DEPARTMENTS = "/api/v1/departments/";
    private static final String CALLBACKS = "/callbacks/";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        String caseId = null;
        String taskId = null;
        if (path.equals(INTAKE)) {
            // the intake puts the new case's id; this scope takes it away after the request
            try (CaseLogContext.Scope ignored = CaseLogContext.forTask(null, null)) {
                chain.doFilter(request, response);
            }
            return;
        }
        if (path.startsWith(CASES)) {
            caseId = segment(path, CASES.length());
        } else if (path.startsWith(DEPARTMENTS)) {
            int callbacks = path.indexOf(CALLBACKS, DEPARTMENTS.length());
            if (callbacks > 0) {
                taskId = segment(path, callbacks + CALLBACKS.length());
            }
        }
        if (caseId == null && taskId == null) {
            chain.doFilter(request, response);
            return;
        }
        try (CaseLogContext.Scope ignored = CaseLogContext.forTask(caseId, taskId)) {
            chain.doFilter(request, response);
        }
    }

    /** The path segment starting at from, or null if empty; bounded, since it is the caller's text */
    private static String segment(String path, int from) {
        int end = path.indexOf('/', from);
        String id = end < 0 ? path.substring(from) : path.substring(from, end);
        return id.isEmpty() || id.length() > 100 ? null : id;
    }
}
