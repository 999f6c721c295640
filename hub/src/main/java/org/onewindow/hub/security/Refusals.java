package org.onewindow.hub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.Problems;
import org.onewindow.hub.problems.RefusalLog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;

/**
 * The hub's answers to callers it does not let through, as RFC 9457 problem+json: 401 when the caller did not
 * prove who it is (no credentials, a bad or expired token, a wrong password, a demo credential from elsewhere),
 * 403 when it did but may not do this. Each refusal is audited ({@link RefusalLog}) and changes nothing.
 */
@Component
class Refusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper objectMapper;
    private final RefusalLog refusalLog;

    Refusals(ObjectMapper objectMapper, RefusalLog refusalLog) {
        this.objectMapper = objectMapper;
        this.refusalLog = refusalLog;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) throws IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        Fault fault;
        String challenge = "Bearer realm=\"onewindow\"";
        if (failure instanceof InsufficientAuthenticationException && failure.getMessage() != null && failure.getMessage().startsWith("demo")) {
            fault = new Fault(HttpHeaders.AUTHORIZATION, "demo-credential", failure.getMessage());
        } else if (bearer) {
            fault = new Fault(HttpHeaders.AUTHORIZATION, "invalid-token", failure instanceof InvalidBearerTokenException
                    ? "the bearer token is not valid: expired, not signed by an issuer the hub trusts, or not a token at all"
                    : "the bearer token is not valid");
            challenge = "Bearer realm=\"onewindow\", error=\"invalid_token\"";
        } else if (basic || failure instanceof BadCredentialsException) {
            fault = new Fault(HttpHeaders.AUTHORIZATION, "bad-credentials", "the user name or password is wrong");
            challenge = "Basic realm=\"onewindow\"";
        } else {
            fault = new Fault(HttpHeaders.AUTHORIZATION, "required", "send \"Bearer <access token>\" (OAuth2 client credentials from "
                    + "POST /oauth2/token, or a holder token), or sign in as a person");
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
                "This request needs a caller who proves who it is (" + fault.code() + "); see errors", fault);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        if (denied instanceof CsrfException) {
            write(request, response, HttpStatus.FORBIDDEN, "csrf", "The form is missing its CSRF token",
                    "A form post from a signed-in browser must carry the page's _csrf token (or the X-CSRF-TOKEN header)",
                    new Fault("_csrf", "required", "missing or not the one of this session"));
            return;
        }
        Principal caller = request.getUserPrincipal();
        String who = caller == null ? "this caller" : caller.getName();
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed for this caller",
                who + " may not " + request.getMethod() + " " + request.getRequestURI(),
                new Fault(HttpHeaders.AUTHORIZATION, "not-entitled", "the caller's scopes or roles do not allow this operation"));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type, String title,
                       String detail, Fault fault) throws IOException {
        refusalLog.refused(request, status.value(), type, fault.code());
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        ProblemDetail problem = Problems.of(status, type, title, detail, List.of(fault));
        problem.setInstance(URI.create(request.getRequestURI()));
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
