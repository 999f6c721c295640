package org.onewindow.adapters.housingfund;

import com.fasterxml.jackson.databind.JsonNode;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.schemas.cases.ApplicantKind;
import org.onewindow.schemas.tasks.TaskMessage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GR0101 个人住房公积金账户设立: an employee's personal account, under the employer's unit account. The
 * employer is the company an earlier step registered (inputs creditCode, companyName, unitAccountNo),
 * else the one the form names (employerCreditCode, employerName).
 */
final class PersonAccountOpening implements HousingFundService {

    @Override
    public String itemCode() {
        return "HF-PERSON-ACCOUNT-OPENING";
    }

    @Override
    public String transCode() {
        return "GR0101";
    }

    @Override
    public Map<String, Object> data(TaskMessage task, Map<String, Object> applicant) {
        if (task.applicant().kind() != ApplicantKind.PERSON) {
            throw new DepartmentContractException("personal account opening for task " + task.taskId()
                    + " is for a person; the applicant is a " + task.applicant().kind());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applicant", applicant);
        data.put("employer", employer(task));
        String wage = task.form().get("monthlyWage");
        if (!FundFields.isBlank(wage)) {
            data.put("wage_base", wage.strip());
        }
        data.put("biz_form", task.form());
        return data;
    }

    private static Map<String, String> employer(TaskMessage task) {
        Map<String, String> employer = new LinkedHashMap<>();
        String creditCode = task.inputs().get("creditCode");
        String name = task.inputs().get("companyName");
        if (FundFields.isBlank(creditCode)) {
            creditCode = task.form().get("employerCreditCode");
            name = task.form().get("employerName");
        }
        if (FundFields.isBlank(creditCode)) {
            throw new DepartmentContractException("personal account opening for task " + task.taskId()
                    + " needs the employer's credit code: the form field employerCreditCode, or creditCode from an earlier step");
        }
        employer.put("credit_code", creditCode.strip());
        if (!FundFields.isBlank(name)) {
            employer.put("unit_name", name);
        }
        String unitAccount = task.inputs().get("unitAccountNo");
        if (!FundFields.isBlank(unitAccount)) {
            employer.put("unit_acct_no", unitAccount);
        }
        return employer;
    }

    @Override
    public Map<String, String> results(JsonNode data) {
        Map<String, String> results = new LinkedHashMap<>();
        results.put("personalAccountNo", FundFields.text(data, "indi_acct_no"));
        results.put("openedOn", FundFields.date(data, "open_date"));
        String unitAccount = data.path("unit_acct_no").asText("");
        if (!unitAccount.isBlank()) {
            results.put("unitAccountNo", unitAccount);
        }
        return results;
    }
}
