package org.onewindow.hub.security;

import jakarta.servlet.DispatcherType;
import org.onewindow.hub.messagelog.CallerMarker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may call what (issue 11). Every caller proves who it is: systems with an OAuth2 access token (JWT) from the
 * hub's authorization server or, in production, an external issuer; people by form login or HTTP Basic (OIDC login
 * in production); data holders with their holder token. Open without credentials: /actuator/health (status only),
 * the API document and Swagger UI, the catalogue, the login page. Anything not listed here is refused.
 * Whether a caller may see one particular case, task or notice is decided by the feature that owns it, with the
 * {@link Caller} it is given.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String INTAKE = "SCOPE_intake";
    private static final String VERIFIER = "SCOPE_verifier";
    private static final String PROVINCE = "SCOPE_province";
    private static final String METRICS = "SCOPE_metrics";
    private static final String OPERATOR = "ROLE_OPERATOR";
    private static final String AUDITOR = "ROLE_AUDITOR";

    @Bean
    @Order(10)
    SecurityFilterChain callerChain(HttpSecurity http, Refusals refusals, HolderTokens holderTokens, ObjectProvider<JwtDecoder> jwtDecoder,
                                ObjectProvider<ClientRegistrationRepository> oidcProviders, SecurityProperties properties,
                                RateLimits rateLimits, java.time.Clock clock) throws Exception {
        AuthenticationManager bearerTokens = bearerTokens(holderTokens, jwtDecoder, properties.checkedTokens(), clock);
        http.authorizeHttpRequests(authorize -> authorize
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // open: health (status only), the contract and Swagger UI, the public catalogue, the login page
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/catalogue/items", "/api/v1/catalogue/bundles").permitAll()
                        .requestMatchers("/login", "/logout").permitAll()
                        // operators watch the hub; the Prometheus scrape credential reads the metrics only (numbers, no personal data)
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**")
                        .hasAnyAuthority(METRICS, OPERATOR)
                        .requestMatchers("/actuator/**").hasAuthority(OPERATOR)
                        // the intake systems of the service halls
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases", "/api/v1/notices").hasAuthority(INTAKE)
                        // the window records the applicant's answer to a wait (a deferred material brought, a correction made)
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases/*/waits/*/answer").hasAuthority(INTAKE)
                        .requestMatchers(HttpMethod.GET, "/api/v1/cases/*", "/api/v1/cases/*/release", "/api/v1/cases/*/receipt")
                        .hasAnyAuthority(INTAKE, OPERATOR, HolderAuthentication.ROLE)
                        .requestMatchers(HttpMethod.GET, "/api/v1/notices/*", "/api/v1/notices/*/print").hasAnyAuthority(INTAKE, OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/api/v1/licences/verify", "/api/v1/licences/verifications").hasAuthority(VERIFIER)
                        // a department's system, on its own path only
                        .requestMatchers("/api/v1/departments/{department}/**").access(ownDepartmentPath())
                        // data holders
                        .requestMatchers(HttpMethod.GET, "/api/v1/my-data-access", "/api/v1/my-cases").hasAuthority(HolderAuthentication.ROLE)
                        // a rating (好差评): the applicant with their holder token, or the window for them
                        .requestMatchers(HttpMethod.POST, "/api/v1/evaluations").hasAnyAuthority(HolderAuthentication.ROLE, INTAKE)
                        // the province and the people who run the hub
                        .requestMatchers(HttpMethod.GET, "/api/v1/stats/**").hasAnyAuthority(PROVINCE, OPERATOR, AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/supervision/cards").hasAnyAuthority(PROVINCE, OPERATOR, AUDITOR)
                        .requestMatchers("/api/v1/message-log/**").hasAuthority(AUDITOR)
                        // the case report feed (办件信息上报): its backlog and reconciliations; the province and operators may reconcile a day
                        .requestMatchers(HttpMethod.GET, "/api/v1/province/feed", "/api/v1/province/reconciliations")
                        .hasAnyAuthority(PROVINCE, OPERATOR, AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/api/v1/province/reconciliations").hasAnyAuthority(PROVINCE, OPERATOR)
                        // the operator console (issue 14): pages, their live tables, their assets and every action on them
                        .requestMatchers("/console", "/console/**").hasAuthority(OPERATOR)
                        // what is not listed is nobody's: a new endpoint is closed until it gets its rule here
                        .anyRequest().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(request -> bearerTokens)
                        .authenticationEntryPoint(refusals)
                        .accessDeniedHandler(refusals))
                .httpBasic(basic -> basic.authenticationEntryPoint(refusals))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/login", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                // a refused API call leaves no session behind; after signing in a person lands on /login anyway
                .requestCache(cache -> cache.requestCache(new org.springframework.security.web.savedrequest.NullRequestCache()))
                .exceptionHandling(exceptions -> exceptions
                        // a person's browser asking for a page is shown the login page; everyone else gets problem+json
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browserPage())
                        .defaultAuthenticationEntryPointFor(refusals, request -> true)
                        .accessDeniedHandler(refusals))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(ambientCredentials()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=(), payment=()")))
                // after authentication, before the rules: demo credentials only from loopback, then each caller's rate
                .addFilterBefore(new DemoCredentials(refusals), AuthorizationFilter.class)
                .addFilterBefore(rateLimits.filter(), AuthorizationFilter.class)
                // names the authenticated caller in the message log's record, refused by a rule or not
                .addFilterBefore(new CallerMarker(), AuthorizationFilter.class);
        if (oidcProviders.getIfAvailable() != null) {
            // production: people sign in through the organisation's identity provider; their roles come from a claim
            http.oauth2Login(login -> login.loginPage("/login").defaultSuccessUrl("/login", true)
                    .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(rolesFromClaim(properties.rolesClaim()))));
        }
        return http.build();
    }

    /** Spring Security's strict firewall, its header rules unchanged but checked without regular expressions ({@link HeaderCharacters}). */
    @Bean
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedValue);
        return firewall;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService peopleWhoLogIn(People people) {
        return new InMemoryUserDetailsManager(people.users());
    }

    /** Holder tokens first (cheap: a hash look-up, and never a JWT), then JWTs of the trusted issuer. */
    private static AuthenticationManager bearerTokens(HolderTokens holderTokens, ObjectProvider<JwtDecoder> jwtDecoder,
                                                      SecurityProperties.CheckedTokens checkedTokens, java.time.Clock clock) {
        List<org.springframework.security.authentication.AuthenticationProvider> providers = new ArrayList<>();
        providers.add(new HolderTokenAuthenticationProvider(holderTokens));
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            if (!checkedTokens.remember().isZero() && !checkedTokens.remember().isNegative()) {
                decoder = new CheckedTokens(decoder, clock, checkedTokens.remember(), checkedTokens.maximumTokens());
            }
            JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(decoder);
            jwt.setJwtAuthenticationConverter(SecurityConfiguration::systemCaller);
            providers.add(jwt);
        }
        return new ProviderManager(providers);
    }

    /** A system's token: its scopes as SCOPE_ authorities, its client id as its name, a demo client marked as such. */
    static AbstractAuthenticationToken systemCaller(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>(new JwtGrantedAuthoritiesConverter().convert(jwt));
        if (Boolean.TRUE.equals(jwt.getClaimAsBoolean("demo"))) {
            authorities.add(new SimpleGrantedAuthority(DemoCredentials.AUTHORITY));
        }
        String clientId = jwt.hasClaim("client_id") ? jwt.getClaimAsString("client_id")
                : jwt.hasClaim("azp") ? jwt.getClaimAsString("azp") : jwt.getSubject();
        return new JwtAuthenticationToken(jwt, authorities, clientId);
    }

    /** /api/v1/departments/{department}/...: only the token of that department (scope department:&lt;code&gt;). */
    private static AuthorizationManager<org.springframework.security.web.access.intercept.RequestAuthorizationContext> ownDepartmentPath() {
        return (authentication, context) -> {
            String needed = Caller.SCOPE + Caller.DEPARTMENT_SCOPE + context.getVariables().get("department");
            return new AuthorizationDecision(authentication.get().getAuthorities().stream()
                    .anyMatch(a -> needed.equals(a.getAuthority())));
        };
    }

    /**
     * A browser asking for a page (it asks for text/html; API clients ask for JSON or anything): sent to the login
     * page, e.g. for a printable notice.
     */
    private static RequestMatcher browserPage() {
        return request -> {
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            return accept != null && accept.contains("text/html") && !request.getRequestURI().startsWith("/actuator/");
        };
    }

    /**
     * CSRF tokens are needed where a browser could send credentials by itself: an unsafe request with a session
     * cookie or Basic credentials, and the login form. A request with a bearer token cannot be forged by another
     * site, and one without any credentials is refused anyway (401, not a CSRF 403).
     */
    private static RequestMatcher ambientCredentials() {
        Set<String> safe = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
        return request -> {
            if (safe.contains(request.getMethod())) {
                return false;
            }
            if ("/login".equals(request.getRequestURI()) || "/logout".equals(request.getRequestURI())) {
                return true;
            }
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return false;
            }
            return authorization != null || request.getHeader(HttpHeaders.COOKIE) != null;
        };
    }

    /** OIDC login: the roles claim (operator, auditor, admin) becomes the person's ROLE_ authorities. */
    private static GrantedAuthoritiesMapper rolesFromClaim(String claim) {
        return authorities -> {
            Set<String> roles = new HashSet<>();
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    Object value = oidc.getIdToken().getClaims().get(claim);
                    if (value == null && oidc.getUserInfo() != null) {
                        value = oidc.getUserInfo().getClaims().get(claim);
                    }
                    if (value instanceof Collection<?> list) {
                        list.forEach(role -> roles.add(String.valueOf(role).toLowerCase()));
                    }
                }
            }
            roles.retainAll(People.ROLES);
            return new ArrayList<>(People.authorities(roles, false));
        };
    }

}
