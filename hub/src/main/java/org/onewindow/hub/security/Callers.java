package org.onewindow.hub.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells who is calling: a controller method that takes a {@link Caller} parameter gets the authenticated caller
 * (systems by their token's client id, people by their login, holders by their token). Security's rules have
 * already let the request through; an anonymous request never reaches a method that asks for a caller.
 */
@Component
class Callers implements HandlerMethodArgumentResolver {

    private final SystemClients clients;
    private final People people;

    Callers(SystemClients clients, People people) {
        this.clients = clients;
        this.people = people;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            throw new IllegalStateException("a method that asks for its caller is reached only by an authenticated caller");
        }
        return of(authentication);
    }

    Caller of(Authentication authentication) {
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toUnmodifiableSet());
        if (authentication instanceof HolderAuthentication holder) {
            return new Caller((String) holder.getPrincipal(), holder.getName(), Caller.Kind.HOLDER, authorities);
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            String clientId = authentication.getName();
            String name = clients.find(clientId).map(SystemClients.SystemClient::displayName)
                    .orElseGet(() -> {
                        String given = jwt.getToken().getClaimAsString("client_name");
                        return given == null ? clientId : clientId + " (" + given + ")";
                    });
            return new Caller(clientId, name, Caller.Kind.SYSTEM, authorities);
        }
        String login = authentication.getName();
        String name = people.find(login).map(p -> login + " " + p.name()).orElse(login);
        return new Caller(login, name, Caller.Kind.PERSON, authorities);
    }
}
