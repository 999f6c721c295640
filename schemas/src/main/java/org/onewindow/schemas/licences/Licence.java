package org.onewindow.schemas.licences;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * An e-licence (电子证照) as the provincial e-licence library (电子证照库) holds it: the national metadata
 * and the issuer's signature.
 *
 * @param identifier   national licence identifier (电子证照标识), see {@link LicenceIdentifier}
 * @param typeCode     national licence type code (证照类型代码): 20 digits, e.g. {@code 11100000000000000101} for the
 *                     resident identity card; the same code is in the identifier and in the catalogue's licence type
 * @param licenceType  the hub's catalogue code of the type, e.g. {@code business-licence}
 * @param number       the licence's own number (证照编号), e.g. the ID number on an ID card
 * @param name         the licence's name in Chinese (证照名称), e.g. 营业执照
 * @param holderName   holder (持证主体) name
 * @param holderId     holder's identity number: resident ID number or unified social credit code
 * @param holderIdType {@code 111} resident identity card, {@code 001} unified social credit code
 * @param issuer       issuing authority (颁证单位) name
 * @param issuerCode   issuing authority's unified social credit code (颁证单位代码)
 * @param issueDate    date of issue (颁证日期)
 * @param validFrom    first day of validity (有效期起始)
 * @param validTo      last day of validity (有效期截止); {@code null} means long-term (长期)
 * @param status       status in the library
 * @param signature    base64 of the issuer's DER-encoded SM2 signature (SM3withSM2) over
 *                     {@link LicenceCanonicalForm#of(Licence)}: every other field
 */
public record Licence(
        @NotBlank @Size(max = 128) String identifier,
        @NotBlank @Size(max = 32) String typeCode,
        @NotBlank @Size(max = 64) String licenceType,
        @NotBlank @Size(max = 128) String number,
        @NotBlank @Size(max = 128) String name,
        @NotBlank @Size(max = 128) String holderName,
        @NotBlank @Size(max = 32) String holderId,
        @NotBlank @Pattern(regexp = "111|001", message = "must be 111 (resident identity card) or 001 (unified social credit code)") String holderIdType,
        @NotBlank @Size(max = 128) String issuer,
        @NotBlank @Size(max = 32) String issuerCode,
        @NotNull LocalDate issueDate,
        @NotNull LocalDate validFrom,
        LocalDate validTo,
        @NotNull LicenceStatus status,
        @NotBlank @Size(max = 512) String signature) {

    public static final String ID_CARD = "111";
    public static final String CREDIT_CODE = "001";

    public Licence withSignature(String newSignature) {
        return new Licence(identifier, typeCode, licenceType, number, name, holderName, holderId, holderIdType, issuer,
                issuerCode, issueDate, validFrom, validTo, status, newSignature);
    }

    public Licence withStatus(LicenceStatus newStatus) {
        return new Licence(identifier, typeCode, licenceType, number, name, holderName, holderId, holderIdType, issuer,
                issuerCode, issueDate, validFrom, validTo, newStatus, signature);
    }
}
