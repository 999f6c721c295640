package org.onewindow.adapters.tax;

import org.onewindow.adapters.kit.DepartmentContractException;

import java.util.Arrays;

/** The bureau's SOAP operations for the catalogue items it handles. */
enum TaxOperation {
    DEED_TAX("TAX-DEED-TAX", "DeclareDeedTax"),
    REGISTRATION("TAX-REGISTRATION", "RegisterTaxpayer"),
    PAYMENT_CERTIFICATE("TAX-PAYMENT-CERTIFICATE", "IssuePaymentCertificate"),
    INVOICE_APPLICATION("TAX-INVOICE-APPLICATION", "ApplyForInvoices");

    private final String itemCode;
    private final String operationName;

    TaxOperation(String itemCode, String operationName) {
        this.itemCode = itemCode;
        this.operationName = operationName;
    }

    String operationName() {
        return operationName;
    }

    static TaxOperation forItem(String itemCode) {
        return Arrays.stream(values()).filter(o -> o.itemCode.equals(itemCode)).findFirst()
                .orElseThrow(() -> new DepartmentContractException("the tax bureau offers no service for item " + itemCode));
    }
}
