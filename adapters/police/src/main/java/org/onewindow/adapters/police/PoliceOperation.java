package org.onewindow.adapters.police;

import org.onewindow.adapters.kit.DepartmentContractException;

import java.util.Arrays;
import java.util.List;

/**
 * The bureau's SOAP operations for the catalogue items it handles, and the results each must give:
 * later steps of a bundle take them as inputs (a newborn's medical enrolment needs its ID number), so a
 * reply without them cannot count as done.
 */
enum PoliceOperation {
    BIRTH_REGISTRATION("PS-BIRTH-REGISTRATION", "RegisterBirth", List.of("newbornIdNumber", "householdNo")),
    SEAL_FILING("PS-SEAL-FILING", "FileSeal", List.of("sealFilingNo"));

    private final String itemCode;
    private final String operationName;
    private final List<String> requiredResults;

    PoliceOperation(String itemCode, String operationName, List<String> requiredResults) {
        this.itemCode = itemCode;
        this.operationName = operationName;
        this.requiredResults = requiredResults;
    }

    String operationName() {
        return operationName;
    }

    List<String> requiredResults() {
        return requiredResults;
    }

    static PoliceOperation forItem(String itemCode) {
        return Arrays.stream(values()).filter(o -> o.itemCode.equals(itemCode)).findFirst()
                .orElseThrow(() -> new DepartmentContractException("the police bureau offers no service for item " + itemCode));
    }
}
