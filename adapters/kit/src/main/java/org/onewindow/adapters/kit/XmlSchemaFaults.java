package org.onewindow.adapters.kit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the XML schema validator's messages (Xerces' cvc-... codes, which quote the offending value whole) into
 * reasons a person can act on, short enough to store: a value beyond its maxLength names the field, its length
 * and the contract's limit; any other fault keeps its sense, without the code and with long values cut.
 */
final class XmlSchemaFaults {

    private static final Pattern MAX_LENGTH = Pattern.compile(
            "cvc-maxLength-valid: Value '.*' with length = '(\\d+)' is not facet-valid with respect to maxLength '(\\d+)'"
                    + " for type '([^']*)'\\.?", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("cvc-[\\w.-]+: ");
    private static final Pattern QUOTED = Pattern.compile("'([^']{60,})'", Pattern.DOTALL);
    private static final int MAX_MESSAGE = 300;

    private XmlSchemaFaults() {
    }

    /**
     * @param message the validator's message, e.g. from a SAXParseException or CXF's "Unmarshalling Error: ..."
     * @param element the element being validated, when known (null otherwise: the schema type names the field)
     * @param xsd     the contract's file name, for the reason
     */
    static String readable(String message, String element, String xsd) {
        if (message == null) {
            return "the XML breaks its schema";
        }
        Matcher tooLong = MAX_LENGTH.matcher(message);
        if (tooLong.find()) {
            String field = element != null ? element : anonymous(tooLong.group(3)) ? "a field" : tooLong.group(3);
            return field + " is " + tooLong.group(1) + " characters long; its contract allows at most " + tooLong.group(2)
                    + " (maxLength in " + xsd + ")";
        }
        String plain = QUOTED.matcher(CODE.matcher(message).replaceAll(""))
                .replaceAll(match -> "'" + Matcher.quoteReplacement(match.group(1).substring(0, 40)) + "...'");
        plain = plain.strip();
        return plain.length() <= MAX_MESSAGE ? plain : plain.substring(0, MAX_MESSAGE) + "...";
    }

    private static boolean anonymous(String type) {
        return type.startsWith("#");
    }
}
