package org.onewindow.hub.access;

import org.onewindow.schemas.licences.LicenceIdentifier;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Masks an ID number or credit code for display and logs: 110105********002X. Full numbers live only in the store. */
public final class IdentifierMask {

    /**
     * A resident ID number (17 digits and a digit or X) or a unified social credit code (18 characters of 0-9 and A-Y
     * without I, O, S, V, Z, with digits in places 3 to 8), standing alone, not inside a longer run of letters and
     * digits. Check characters are not verified, so a mistyped number is masked too.
     */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "(?<![0-9A-Za-z])(?:\\d{17}[\\dXx]|[0-9A-HJ-NP-RTUW-Y]{2}\\d{6}[0-9A-HJ-NP-RTUW-Y]{10})(?![0-9A-Za-z])");

    private IdentifierMask() {
    }

    public static String mask(String id) {
        if (id == null || id.length() < 10) {
            return "****";
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    /** A mobile number with its middle four digits masked, as the halls print it: 138****8000. */
    public static String maskMobile(String mobile) {
        if (mobile == null || mobile.length() < 7) {
            return "****";
        }
        return mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
    }

    /**
     * Masks every ID number and credit code in a text. The issuer code between the dots of an e-licence identifier
     * (1.2.156.3005.2.&lt;type&gt;.&lt;issuer&gt;.…) is an issuing authority's public credit code, not a holder's: it is
     * left whole, so that the licence can be found.
     */
    public static String maskWithin(String text) {
        if (text == null || text.length() < 18) {
            return text;
        }
        return IDENTIFIER.matcher(text).replaceAll(match -> insideLicenceIdentifier(text, match.start(), match.end())
                ? match.group() : mask(match.group()));
    }

    /** Every value of a map masked as {@link #maskWithin} does, in the same order. */
    public static Map<String, String> maskWithin(Map<String, String> values) {
        if (values == null) {
            return null;
        }
        Map<String, String> masked = new LinkedHashMap<>();
        values.forEach((name, value) -> masked.put(name, maskWithin(value)));
        return masked;
    }

    /** The code is one dotted component of an identifier that starts with the licence arc, with nothing else between. */
    private static boolean insideLicenceIdentifier(String text, int start, int end) {
        if (start == 0 || text.charAt(start - 1) != '.' || end == text.length() || text.charAt(end) != '.') {
            return false;
        }
        int arc = text.lastIndexOf(LicenceIdentifier.PREFIX, start);
        return arc >= 0 && text.substring(arc, start).chars().allMatch(c -> c == '.' || Character.isLetterOrDigit(c));
    }
}
