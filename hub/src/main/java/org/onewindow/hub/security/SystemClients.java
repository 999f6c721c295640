package org.onewindow.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The systems that may ask the hub's authorization server for a token (onewindow.security.authorization-server.clients-file):
 * intake systems, departments, the province, the Prometheus scrape. Each has a client id, a bcrypt hash of its secret
 * and its scopes. Read at start; a wrong entry stops the start naming it.
 */
@Component
class SystemClients {

    private static final Logger log = LoggerFactory.getLogger(SystemClients.class);
    /** Client settings key marking a demo client, whose tokens work from the loopback address only. */
    static final String DEMO_SETTING = "onewindow.demo";
    private static final Pattern SCOPE = Pattern.compile("intake|verifier|province|metrics|department:[a-z0-9-]{1,64}");
    private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** One system that may ask for a token. */
    record SystemClient(String clientId, String name, String nameZh, String secretHash, Set<String> scopes) {

        /** How the system is named in access logs and refusals. */
        String displayName() {
            return clientId + " (" + (nameZh == null || nameZh.isBlank() ? name : nameZh) + ")";
        }
    }

    private final Map<String, SystemClient> byId;
    private final boolean demo;
    private final String location;

    SystemClients(SecurityProperties properties, ResourceLoader resources) {
        this.location = properties.authorizationServer().enabled() ? properties.authorizationServer().clientsFile() : null;
        JsonNode file = CredentialFiles.read(resources, location);
        this.byId = read(file, location);
        this.demo = CredentialFiles.isDemo(file) && !byId.isEmpty();
        if (location != null) {
            log.info("{} system client(s) from {}{}", byId.size(), location, demo ? " (demo: loopback only)" : "");
        }
    }

    Optional<SystemClient> find(String clientId) {
        return Optional.ofNullable(byId.get(clientId));
    }

    boolean demo() {
        return demo;
    }

    String location() {
        return location;
    }

    /** The clients as the authorization server registers them: client credentials only, secret by Basic or form. */
    List<RegisteredClient> registered(Duration tokenTtl) {
        List<RegisteredClient> clients = new ArrayList<>();
        byId.values().forEach(client -> clients.add(RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientName(client.displayName())
                .clientSecret(client.secretHash())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .clientSettings(ClientSettings.builder().setting(DEMO_SETTING, demo).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokenTtl).build())
                .build()));
        return clients;
    }

    private static Map<String, SystemClient> read(JsonNode root, String location) {
        Map<String, SystemClient> clients = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode entry : root.path("clients")) {
            String at = location + ": clients[" + i++ + "]";
            String id = entry.path("clientId").asText("");
            if (!CLIENT_ID.matcher(id).matches()) {
                throw new IllegalStateException(at + ".clientId must be 1 to 64 lower-case letters, digits and hyphens, not \"" + id + "\"");
            }
            String hash = entry.path("secretHash").asText("");
            if (!hash.startsWith("{bcrypt}$2")) {
                throw new IllegalStateException(at + " (" + id + ").secretHash must be a bcrypt hash written as {bcrypt}$2...");
            }
            Set<String> scopes = new java.util.TreeSet<>();
            entry.path("scopes").forEach(s -> scopes.add(s.asText()));
            for (String scope : scopes) {
                if (!SCOPE.matcher(scope).matches()) {
                    throw new IllegalStateException(at + " (" + id + ").scopes: unknown scope \"" + scope
                            + "\"; known: intake, verifier, province, metrics, department:<code>");
                }
            }
            if (scopes.isEmpty()) {
                throw new IllegalStateException(at + " (" + id + ").scopes must name at least one scope");
            }
            if (clients.put(id, new SystemClient(id, entry.path("name").asText(id), entry.path("nameZh").asText(null), hash,
                    Set.copyOf(scopes))) != null) {
                throw new IllegalStateException(at + ": client " + id + " is listed twice");
            }
        }
        return Map.copyOf(clients);
    }
}
