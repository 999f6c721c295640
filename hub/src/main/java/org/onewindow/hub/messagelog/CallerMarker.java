package org.onewindow.hub.messagelog;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.Principal;

/**
 * Notes who the caller is for the message log's record of the request. The security configuration puts it after
 * authentication and before the access rules: once the request has left the security filters the authentication
 * is gone, and a caller refused by a rule (403) is still named. Only /api/** is recorded.
 */
public final class CallerMarker extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Principal principal = request.getUserPrincipal();
        if (principal != null) {
            request.setAttribute(IntakeExchangeFilter.CALLER, principal.getName());
        }
        chain.doFilter(request, response);
    }
}
