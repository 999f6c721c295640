package org.onewindow.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The people who log in with a password (onewindow.security.people-file): operators, auditors, administrators.
 * Passwords are kept as bcrypt hashes. In production people sign in through OIDC instead and this file is empty.
 */
@Component
class People {

    private static final Logger log = LoggerFactory.getLogger(People.class);
    static final Set<String> ROLES = Set.of("operator", "auditor", "admin");

    /** One person who may log in. */
    record Person(String username, String name, String passwordHash, Set<String> roles) {
    }

    private final Map<String, Person> byUsername;
    private final boolean demo;
    private final String location;

    People(SecurityProperties properties, ResourceLoader resources) {
        this.location = properties.peopleFile();
        JsonNode file = CredentialFiles.read(resources, location);
        this.byUsername = read(file, location);
        this.demo = CredentialFiles.isDemo(file) && !byUsername.isEmpty();
        log.info("{} people who log in with a password, from {}{}", byUsername.size(),
                location == null || location.isBlank() ? "nowhere" : location, demo ? " (demo: loopback only)" : "");
    }

    Optional<Person> find(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    boolean demo() {
        return demo;
    }

    String location() {
        return location;
    }

    List<UserDetails> users() {
        List<UserDetails> users = new ArrayList<>();
        byUsername.values().forEach(p -> users.add(User.withUsername(p.username()).password(p.passwordHash())
                .authorities(authorities(p.roles(), demo)).build()));
        return users;
    }

    /** ROLE_ authorities of the given roles; an admin may do what an operator and an auditor may. */
    static List<GrantedAuthority> authorities(Set<String> roles, boolean demo) {
        Set<String> granted = new LinkedHashSet<>();
        for (String role : roles) {
            granted.add("ROLE_" + role.toUpperCase());
            if (role.equals("admin")) {
                granted.add("ROLE_OPERATOR");
                granted.add("ROLE_AUDITOR");
            }
        }
        if (demo) {
            granted.add(DemoCredentials.AUTHORITY);
        }
        return granted.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }

    private static Map<String, Person> read(JsonNode root, String location) {
        Map<String, Person> people = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode entry : root.path("people")) {
            String at = location + ": people[" + i++ + "]";
            String username = entry.path("username").asText("");
            if (!username.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
                throw new IllegalStateException(at + ".username must be 1 to 64 lower-case letters, digits, dots, hyphens");
            }
            String hash = entry.path("passwordHash").asText("");
            if (!hash.startsWith("{bcrypt}$2")) {
                throw new IllegalStateException(at + " (" + username + ").passwordHash must be a bcrypt hash written as {bcrypt}$2...");
            }
            Set<String> roles = new LinkedHashSet<>();
            entry.path("roles").forEach(r -> roles.add(r.asText()));
            if (roles.isEmpty() || !ROLES.containsAll(roles)) {
                throw new IllegalStateException(at + " (" + username + ").roles must be some of " + ROLES + ", not " + roles);
            }
            if (people.put(username, new Person(username, entry.path("name").asText(username), hash, Set.copyOf(roles))) != null) {
                throw new IllegalStateException(at + ": " + username + " is listed twice");
            }
        }
        return Map.copyOf(people);
    }
}
