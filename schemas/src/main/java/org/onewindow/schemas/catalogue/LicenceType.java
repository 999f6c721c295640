package org.onewindow.schemas.catalogue;

/**
 * A type of e-licence (电子证照) held in the provincial library.
 *
 * @param holderKind who holds it: person or company
 */
public record LicenceType(String code, String name, String nameZh, String issuer, String holderKind) {
}
