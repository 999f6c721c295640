package org.onewindow.adapters.housingfund;

import com.fasterxml.jackson.databind.JsonNode;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.schemas.cases.ApplicantKind;
import org.onewindow.schemas.tasks.TaskMessage;

import java.util.LinkedHashMap;
import java.util.Map;

/** CX0301 住房公积金缴存证明: a certificate of a person's deposits, issued at once (即办件). */
final class DepositCertificate implements HousingFundService {

    /** 账户状态 in the centre's code list, in the hub's words. */
    private static final Map<String, String> ACCOUNT_STATUS = Map.of("01", "NORMAL", "02", "SEALED", "03", "CLOSED");

    @Override
    public String itemCode() {
        return "HF-DEPOSIT-CERTIFICATE";
    }

    @Override
    public String transCode() {
        return "CX0301";
    }

    @Override
    public Map<String, Object> data(TaskMessage task, Map<String, Object> applicant) {
        if (task.applicant().kind() != ApplicantKind.PERSON) {
            throw new DepartmentContractException("a deposit certificate for task " + task.taskId()
                    + " is issued to a person; the applicant is a " + task.applicant().kind());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applicant", applicant);
        String purpose = task.form().get("purpose");
        if (!FundFields.isBlank(purpose)) {
            data.put("cert_purpose", purpose);
        }
        data.put("biz_form", task.form());
        return data;
    }

    @Override
    public Map<String, String> results(JsonNode data) {
        String status = FundFields.text(data, "acct_status");
        if (!ACCOUNT_STATUS.containsKey(status)) {
            throw new DepartmentContractException(HousingFundMapping.DEPARTMENT + " sent the account status " + status
                    + ", not one of " + ACCOUNT_STATUS.keySet());
        }
        Map<String, String> results = new LinkedHashMap<>();
        results.put("certificateNo", FundFields.text(data, "cert_no"));
        results.put("personalAccountNo", FundFields.text(data, "indi_acct_no"));
        results.put("accountStatus", ACCOUNT_STATUS.get(status));
        results.put("depositedSince", FundFields.month(data, "first_pay_month"));
        results.put("lastDepositMonth", FundFields.month(data, "last_pay_month"));
        results.put("monthlyDeposit", FundFields.text(data, "month_pay_amt"));
        return results;
    }
}
