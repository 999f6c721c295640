package org.onewindow.adapters.housingfund;

import com.fasterxml.jackson.databind.JsonNode;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.schemas.cases.Applicant;
import org.onewindow.schemas.cases.ApplicantKind;
import org.onewindow.schemas.identity.UnifiedSocialCreditCodeValidator;
import org.onewindow.schemas.tasks.TaskMessage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * DW0101 单位住房公积金缴存登记: a unit opens its deposit account (单位公积金账号). The unit is the company
 * an earlier step of a bundle registered (its creditCode and companyName come as inputs), else the
 * applicant when it is a company.
 */
final class UnitDepositRegistration implements HousingFundService {

    /** 缴存比例: 5 to 12 per cent, as the form gives it ("12" or "12%"). */
    private static final Pattern RATIO = Pattern.compile("([5-9]|1[0-2])%?");

    @Override
    public String itemCode() {
        return "HF-UNIT-DEPOSIT-REGISTRATION";
    }

    @Override
    public String transCode() {
        return "DW0101";
    }

    @Override
    public Map<String, Object> data(TaskMessage task, Map<String, Object> applicant) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applicant", applicant);
        data.put("unit", unit(task));
        String ratio = task.form().get("depositRatio");
        if (!FundFields.isBlank(ratio)) {
            if (!RATIO.matcher(ratio.strip()).matches()) {
                throw new DepartmentContractException("unit deposit registration for task " + task.taskId()
                        + " has the deposit ratio " + ratio + "; the centre takes 5 to 12 (per cent)");
            }
            data.put("deposit_ratio", ratio.strip().replace("%", ""));
        }
        data.put("biz_form", task.form());
        return data;
    }

    private static Map<String, String> unit(TaskMessage task) {
        String creditCode = task.inputs().get("creditCode");
        String name = task.inputs().get("companyName");
        Applicant applicant = task.applicant();
        if (FundFields.isBlank(creditCode) && applicant.kind() == ApplicantKind.COMPANY) {
            creditCode = applicant.creditCode();
            name = applicant.name();
        }
        if (FundFields.isBlank(creditCode)) {
            throw new DepartmentContractException("unit deposit registration for task " + task.taskId()
                    + " needs the unit's unified social credit code: no earlier step gave creditCode and the applicant is not a company");
        }
        if (FundFields.isBlank(name)) {
            name = task.form().get("companyName");
        }
        if (FundFields.isBlank(name)) {
            throw new DepartmentContractException("unit deposit registration for task " + task.taskId()
                    + " knows the credit code " + creditCode + " but not the unit's name");
        }
        Map<String, String> unit = new LinkedHashMap<>();
        unit.put("unit_name", name);
        unit.put("credit_code", creditCode);
        return unit;
    }

    @Override
    public Map<String, String> results(JsonNode data) {
        String creditCode = FundFields.text(data, "credit_code");
        UnifiedSocialCreditCodeValidator.fault(creditCode).ifPresent(fault -> {
            throw new DepartmentContractException(HousingFundMapping.DEPARTMENT + " registered the credit code " + creditCode
                    + ", which " + fault);
        });
        Map<String, String> results = new LinkedHashMap<>();
        results.put("unitAccountNo", FundFields.text(data, "unit_acct_no"));
        results.put("creditCode", creditCode);
        results.put("companyName", FundFields.text(data, "unit_name"));
        results.put("registeredOn", FundFields.date(data, "reg_date"));
        String ratio = data.path("deposit_ratio").asText("");
        if (!ratio.isBlank()) {
            results.put("depositRatio", ratio);
        }
        return results;
    }
}
