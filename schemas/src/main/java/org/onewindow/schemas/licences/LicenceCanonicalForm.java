package org.onewindow.schemas.licences;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The bytes an issuer signs: every field of a {@link Licence} except the signature, always in the same form.
 * <p>
 * UTF-8 text: the line {@code onewindow-e-licence-v1}, then one line per field in the order of the record
 * ({@code identifier typeCode licenceType number name holderName holderId holderIdType issuer issuerCode
 * issueDate validFrom validTo status}), each {@code <field>=<value>} and ended by a line feed. A value is a
 * JSON string literal ({@code "..."}, with {@code "}, {@code \} and control characters escaped as in JSON,
 * nothing else escaped) or the bare word {@code null}; dates are ISO {@code yyyy-MM-dd}, the status its enum
 * name. No trailing spaces, no Unicode normalisation: the bytes are the characters as given.
 */
public final class LicenceCanonicalForm {

    public static final String VERSION = "onewindow-e-licence-v1";

    private LicenceCanonicalForm() {
    }

    public static byte[] of(Licence l) {
        StringBuilder out = new StringBuilder(512).append(VERSION).append('\n');
        field(out, "identifier", l.identifier());
        field(out, "typeCode", l.typeCode());
        field(out, "licenceType", l.licenceType());
        field(out, "number", l.number());
        field(out, "name", l.name());
        field(out, "holderName", l.holderName());
        field(out, "holderId", l.holderId());
        field(out, "holderIdType", l.holderIdType());
        field(out, "issuer", l.issuer());
        field(out, "issuerCode", l.issuerCode());
        field(out, "issueDate", date(l.issueDate()));
        field(out, "validFrom", date(l.validFrom()));
        field(out, "validTo", date(l.validTo()));
        field(out, "status", l.status() == null ? null : l.status().name());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append('=');
        if (value == null) {
            out.append("null");
        } else {
            out.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
        out.append('\n');
    }
}
