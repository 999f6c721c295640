package org.onewindow.schemas.licences;

import org.onewindow.schemas.identity.UnifiedSocialCreditCodeValidator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The national e-licence identifier (电子证照标识):
 * {@code 1.2.156.3005.2.<typeCode>.<issuerCode>.<serial>.<version>.<check character>}, where
 * <ul>
 *   <li>{@code typeCode} is the national licence type code (证照类型代码): 20 digits (see {@link Licence#typeCode()});</li>
 *   <li>{@code issuerCode} is the issuing authority's unified social credit code (颁证单位统一社会信用代码), 18 characters;</li>
 *   <li>{@code serial} is the issuer's serial number of the licence: 1 to 32 digits or upper-case letters;</li>
 *   <li>{@code version} is the version of the licence: 1 to 3 digits;</li>
 *   <li>the check character is ISO 7064 MOD 37,36 over every preceding digit and letter (the dots ignored),
 *       one of {@code 0-9A-Z}.</li>
 * </ul>
 */
public record LicenceIdentifier(String typeCode, String issuerCode, String serial, String version, char checkCharacter) {

    public static final String PREFIX = "1.2.156.3005.2.";
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern SHAPE = Pattern.compile(
            "1\\.2\\.156\\.3005\\.2\\.([0-9]{20})\\.([0-9A-Z]{18})\\.([0-9A-Z]{1,32})\\.([0-9]{1,3})\\.([0-9A-Z])");

    /** What is wrong with an identifier. */
    public enum Fault {
        /** not shaped like an identifier at all: prefix, parts, lengths or characters */
        BAD_FORMAT,
        /** shaped like one, but the check character is not the one MOD 37,36 gives */
        BAD_CHECK_CHARACTER
    }

    /** An identifier that cannot be accepted, with the kind of fault and a reason for a person. */
    public static final class InvalidLicenceIdentifierException extends IllegalArgumentException {
        private final Fault fault;

        InvalidLicenceIdentifierException(Fault fault, String reason) {
            super(reason);
            this.fault = fault;
        }

        public Fault fault() {
            return fault;
        }
    }

    /** A new identifier, with its check character computed. */
    public static LicenceIdentifier of(String typeCode, String issuerCode, String serial, String version) {
        String body = PREFIX + typeCode + "." + issuerCode + "." + serial + "." + version;
        return parse(body + "." + checkCharacter(body));
    }

    /**
     * Parses and checks an identifier.
     *
     * @throws InvalidLicenceIdentifierException with {@link Fault#BAD_FORMAT} or {@link Fault#BAD_CHECK_CHARACTER}
     */
    public static LicenceIdentifier parse(String identifier) {
        if (identifier == null) {
            throw new InvalidLicenceIdentifierException(Fault.BAD_FORMAT, "is missing");
        }
        Matcher m = SHAPE.matcher(identifier);
        if (!m.matches()) {
            throw new InvalidLicenceIdentifierException(Fault.BAD_FORMAT, identifier.startsWith(PREFIX)
                    ? "is not <20-digit type code>.<18-character issuer credit code>.<serial>.<version>.<check character> after " + PREFIX
                    : "does not start with the national e-licence prefix " + PREFIX);
        }
        Optional<String> issuerFault = UnifiedSocialCreditCodeValidator.fault(m.group(2));
        if (issuerFault.isPresent()) {
            throw new InvalidLicenceIdentifierException(Fault.BAD_FORMAT, "has an issuer code that " + issuerFault.get());
        }
        String body = identifier.substring(0, identifier.length() - 2);
        char expected = checkCharacter(body);
        char given = m.group(5).charAt(0);
        if (given != expected) {
            throw new InvalidLicenceIdentifierException(Fault.BAD_CHECK_CHARACTER,
                    "has a wrong check character " + given + " (MOD 37,36 gives " + expected + ")");
        }
        return new LicenceIdentifier(m.group(1), m.group(2), m.group(3), m.group(4), given);
    }

    /** The fault of an identifier, or empty when it is valid. */
    public static Optional<InvalidLicenceIdentifierException> fault(String identifier) {
        try {
            parse(identifier);
            return Optional.empty();
        } catch (InvalidLicenceIdentifierException e) {
            return Optional.of(e);
        }
    }

    /**
     * ISO 7064 MOD 37,36 (hybrid system, M = 36) over the digits and letters of {@code body}; dots are skipped.
     *
     * @throws IllegalArgumentException for any other character
     */
    public static char checkCharacter(String body) {
        int m = 36;
        int p = m;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '.') {
                continue;
            }
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("'" + c + "' is not a digit or upper-case letter");
            }
            int s = (p + value) % m;
            if (s == 0) {
                s = m;
            }
            p = (s * 2) % (m + 1);
        }
        return ALPHABET.charAt((m + 1 - p) % m);
    }

    @Override
    public String toString() {
        return PREFIX + typeCode + "." + issuerCode + "." + serial + "." + version + "." + checkCharacter;
    }
}
