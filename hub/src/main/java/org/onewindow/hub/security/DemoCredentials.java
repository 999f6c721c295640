package org.onewindow.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Demo credentials (the seeded clients, people and holder tokens, marked demo: true) work only from the loopback
 * address: a hub started with its defaults on a reachable machine cannot be used by someone who read the README.
 * Placed after authentication: a request from elsewhere that authenticated with a demo credential is refused 401.
 */
final class DemoCredentials extends OncePerRequestFilter {

    /** The authority every demo principal carries. */
    static final String AUTHORITY = "DEMO_CREDENTIAL";

    private final Refusals refusals;

    DemoCredentials(Refusals refusals) {
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && isDemo(authentication) && !isLoopback(request.getRemoteAddr())) {
            SecurityContextHolder.clearContext();
            refusals.commence(request, response, new InsufficientAuthenticationException(
                    "demo credentials work only from the loopback address"));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isDemo(Authentication authentication) {
        if (authentication instanceof OAuth2ClientAuthenticationToken client && client.getRegisteredClient() != null) {
            return Boolean.TRUE.equals(client.getRegisteredClient().getClientSettings().getSetting(SystemClients.DEMO_SETTING));
        }
        return authentication.getAuthorities().stream().anyMatch(a -> AUTHORITY.equals(a.getAuthority()));
    }

    static boolean isLoopback(String address) {
        try {
            // an IP literal from the connection: no name is looked up
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
