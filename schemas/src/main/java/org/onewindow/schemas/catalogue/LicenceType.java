package org.onewindow.schemas.catalogue;

/**
 * A type of e-licence (电子证照) held in the provincial library.
 *
 * @param typeCode   the national licence type code (证照类型代码), 20 digits; it is part of every licence
 *                   identifier of the type (see org.onewindow.schemas.licences.LicenceIdentifier)
 * @param holderKind who holds it: person or company
 */
public record LicenceType(String code, String typeCode, String name, String nameZh, String issuer, String holderKind) {
}
