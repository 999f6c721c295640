package org.onewindow.adapters.socialinsurance;

import org.onewindow.adapters.kit.DepartmentContractException;

import java.util.Arrays;

/** The bureau's service codes (服务编码) for the catalogue items it handles. */
enum SocialInsuranceService {
    PERSON_ENROLMENT("SI-PERSON-ENROLMENT", "CB0101"),
    UNIT_REGISTRATION("SI-UNIT-REGISTRATION", "CB0201"),
    MEDICAL_ENROLMENT("SI-MEDICAL-ENROLMENT", "YB0101"),
    CARD_APPLICATION("SI-CARD-APPLICATION", "KA0101"),
    PAYMENT_CERTIFICATE("SI-PAYMENT-CERTIFICATE", "JF0301");

    private final String itemCode;
    private final String code;

    SocialInsuranceService(String itemCode, String code) {
        this.itemCode = itemCode;
        this.code = code;
    }

    String code() {
        return code;
    }

    static SocialInsuranceService forItem(String itemCode) {
        return Arrays.stream(values()).filter(s -> s.itemCode.equals(itemCode)).findFirst()
                .orElseThrow(() -> new DepartmentContractException(
                        "social insurance offers no service for item " + itemCode));
    }
}
