package org.onewindow.hub.logging;

import org.onewindow.hub.access.IdentifierMask;

/**
 * Masks every resident ID number (18 characters: 17 digits and a digit or X) and unified social credit
 * code (18 characters of 0-9 and A-Y without I, O, S, V, Z, with digits in places 3 to 8) in a text, as
 * {@link IdentifierMask} does: 110105********002X. A candidate must stand alone, not inside a longer
 * run of letters and digits; check characters are not verified, so a mistyped number is masked too.
 * The issuer code between the dots of an e-licence identifier (1.2.156.3005.2.&lt;type&gt;.&lt;issuer&gt;.…) is an
 * issuing authority's public credit code, not a holder's: it is left whole, so an operator can find the licence.
 * The case view masks what it shows the same way ({@link IdentifierMask#maskWithin}).
 */
public final class IdentifierScrubber {

    private IdentifierScrubber() {
    }

    public static String scrub(String text) {
        return IdentifierMask.maskWithin(text);
    }
}
