package org.onewindow.hub.security;

import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling, as the hub's features ask it: a controller method takes a {@code Caller} parameter and decides
 * what this caller may see. Built from the authenticated request by {@link Callers}.
 *
 * @param id          the OAuth2 client id of a system, the login of a person, or the ID number of a data holder
 * @param name        how the caller is shown in the access log and in refusals, e.g. "hall-xuanwu (玄武区政务服务中心一窗受理系统)"
 * @param kind        system, person or holder
 * @param authorities what the caller was granted: SCOPE_intake, SCOPE_department:tax, ROLE_OPERATOR …
 */
public record Caller(String id, String name, Kind kind, Set<String> authorities) {

    public enum Kind { SYSTEM, PERSON, HOLDER }

    public static final String SCOPE = "SCOPE_";
    public static final String DEPARTMENT_SCOPE = "department:";

    public Caller {
        authorities = Set.copyOf(authorities);
    }

    public boolean hasScope(String scope) {
        return authorities.contains(SCOPE + scope);
    }

    /** An intake system (一窗受理综合系统) of a service hall. */
    public boolean isIntake() {
        return hasScope("intake");
    }

    /** A person with the operator role (admins have it too). */
    public boolean isOperator() {
        return authorities.contains("ROLE_OPERATOR");
    }

    public boolean isAuditor() {
        return authorities.contains("ROLE_AUDITOR");
    }

    /** True when this caller is the system of the given department (its token carries department:&lt;code&gt;). */
    public boolean actsFor(String department) {
        return hasScope(DEPARTMENT_SCOPE + department);
    }

    /** The departments this caller's system speaks for (usually one). */
    public Set<String> departments() {
        Set<String> departments = new TreeSet<>();
        authorities.stream().filter(a -> a.startsWith(SCOPE + DEPARTMENT_SCOPE))
                .forEach(a -> departments.add(a.substring(SCOPE.length() + DEPARTMENT_SCOPE.length())));
        return departments;
    }

    /** The ID number or credit code of a signed-in data holder; null for anyone else. */
    public String holderId() {
        return kind == Kind.HOLDER ? id : null;
    }
}
