package org.onewindow.hub.access;

/** Masks an ID number or credit code for display and logs: 110105********002X. Full numbers live only in the store. */
public final class IdentifierMask {
    private IdentifierMask() {
    }

    public static String mask(String id) {
        if (id == null || id.length() < 10) {
            return "****";
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }
}
