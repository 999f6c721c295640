package org.onewindow.hub.security;

/**
 * The characters Spring Security's StrictHttpFirewall allows in header names and values, checked in a loop instead of
 * its regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*} for names, the same with a tab for values):
 * the firewall checks a header each time it is read, and the Authorization header, a JWT of about a kilobyte, is
 * read several times per request. The expression over it took 4 % of the hub's CPU on POST /api/v1/licences/verify
 * (async-profiler, 2026-12-06); the loop passes printable ASCII at a comparison per character.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /** Every code point assigned and not a control character. */
    static boolean allowedName(String name) {
        return allowed(name, false);
    }

    /** Every code point assigned and not a control character, or a tab. */
    static boolean allowedValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tab) {
        for (int i = 0, length = text.length(); i < length; ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                // printable ASCII: assigned, not a control
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
