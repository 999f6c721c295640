package org.onewindow.hub.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * A data holder signed in with their holder token. The principal is the full ID number or credit code; the name,
 * which logs and the message log show, is masked.
 */
final class HolderAuthentication extends AbstractAuthenticationToken {

    static final String ROLE = "ROLE_HOLDER";

    private final String holderId;

    HolderAuthentication(String holderId, boolean demo) {
        super(demo ? AuthorityUtils.createAuthorityList(ROLE, DemoCredentials.AUTHORITY) : AuthorityUtils.createAuthorityList(ROLE));
        this.holderId = holderId;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return holderId;
    }

    /** "holder 110105********002X": never the whole number. */
    @Override
    public String getName() {
        return "holder " + holderId.substring(0, 6) + "*".repeat(holderId.length() - 10) + holderId.substring(holderId.length() - 4);
    }
}
