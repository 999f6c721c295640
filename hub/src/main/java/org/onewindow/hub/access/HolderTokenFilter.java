package org.onewindow.hub.access;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Signs the data holder in on GET /api/v1/my-data-access with their bearer token (RFC 6750), and
 * answers 401 problem+json with WWW-Authenticate: Bearer when the token is missing or unknown.
 * Other paths pass untouched.
 */
@Component
class HolderTokenFilter extends OncePerRequestFilter {

    /** The request attribute holding the signed-in holder's ID number. */
    static final String HOLDER = "org.onewindow.hub.access.holder";

    private static final String BEARER = "Bearer ";

    private final HolderTokens tokens;
    private final ObjectMapper objectMapper;

    HolderTokenFilter(HolderTokens tokens, ObjectMapper objectMapper) {
        this.tokens = tokens;
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !MyDataAccessController.PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || header.substring(BEARER.length()).isBlank()) {
            refuse(request, response, "Bearer realm=\"onewindow\"", new Fault(HttpHeaders.AUTHORIZATION, "missing-token",
                    "must be \"Bearer <your token>\""));
            return;
        }
        Optional<String> holder = tokens.holderOf(header.substring(BEARER.length()).trim());
        if (holder.isEmpty()) {
            refuse(request, response, "Bearer realm=\"onewindow\", error=\"invalid_token\"", new Fault(HttpHeaders.AUTHORIZATION,
                    "unknown-token", "the bearer token is not one the hub knows"));
            return;
        }
        request.setAttribute(HOLDER, holder.get());
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String challenge, Fault fault) throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in with your holder token",
                fault.field() + " " + fault.message(), List.of(fault));
        problem.setInstance(URI.create(request.getRequestURI()));
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
