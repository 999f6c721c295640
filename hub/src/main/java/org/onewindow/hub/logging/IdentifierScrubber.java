package org.onewindow.hub.logging;

import org.onewindow.hub.access.IdentifierMask;
import org.onewindow.schemas.licences.LicenceIdentifier;

import java.util.regex.Pattern;

/**
 * Masks every resident ID number (18 characters: 17 digits and a digit or X) and unified social credit
 * code (18 characters of 0-9 and A-Y without I, O, S, V, Z, with digits in places 3 to 8) in a text, as
 * {@link IdentifierMask} does: 110105********002X. A candidate must stand alone, not inside a longer
 * run of letters and digits; check characters are not verified, so a mistyped number is masked too.
 * The issuer code between the dots of an e-licence identifier (1.2.156.3005.2.&lt;type&gt;.&lt;issuer&gt;.…) is an
 * issuing authority's public credit code, not a holder's: it is left whole, so an operator can find the licence.
 */
public final class IdentifierScrubber {

    private static final Pattern IDENTIFIER = Pattern.compile(
            "(?<![0-9A-Za-z])(?:\\d{17}[\\dXx]|[0-9A-HJ-NP-RTUW-Y]{2}\\d{6}[0-9A-HJ-NP-RTUW-Y]{10})(?![0-9A-Za-z])");

    private IdentifierScrubber() {
    }

    public static String scrub(String text) {
        if (text == null || text.length() < 18) {
            return text;
        }
        return IDENTIFIER.matcher(text).replaceAll(match -> insideLicenceIdentifier(text, match.start(), match.end())
                ? match.group() : IdentifierMask.mask(match.group()));
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
