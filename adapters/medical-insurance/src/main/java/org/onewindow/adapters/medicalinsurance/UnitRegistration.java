package org.onewindow.adapters.medicalinsurance;

import com.fasterxml.jackson.databind.JsonNode;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.schemas.cases.Applicant;
import org.onewindow.schemas.cases.ApplicantKind;
import org.onewindow.schemas.identity.UnifiedSocialCreditCodeValidator;
import org.onewindow.schemas.tasks.TaskMessage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 7101 单位参保登记: a unit registers for employee basic medical insurance. The unit is the company an earlier step
 * of a bundle registered (its creditCode and companyName come as inputs), else the applicant when it is a company.
 */
final class UnitRegistration implements MedicalInsuranceTransaction {

    @Override
    public String itemCode() {
        return "MI-UNIT-REGISTRATION";
    }

    @Override
    public String infno() {
        return "7101";
    }

    @Override
    public Map<String, Object> input(TaskMessage task) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("empinfo", unit(task));
        input.put("aplyinfo", applicant(task.applicant()));
        input.put("insuinfo", Map.of("insutype", InsuranceFields.EMPLOYEE_BASIC));
        input.put("exp_content", task.form());
        return input;
    }

    private static Map<String, Object> unit(TaskMessage task) {
        String creditCode = task.inputs().get("creditCode");
        String name = task.inputs().get("companyName");
        Applicant applicant = task.applicant();
        if (InsuranceFields.isBlank(creditCode) && applicant.kind() == ApplicantKind.COMPANY) {
            creditCode = applicant.creditCode();
            name = applicant.name();
        }
        if (InsuranceFields.isBlank(creditCode)) {
            throw new DepartmentContractException("unit medical insurance registration for task " + task.taskId()
                    + " needs the unit's unified social credit code: no earlier step gave creditCode and the applicant is not a company");
        }
        if (InsuranceFields.isBlank(name)) {
            name = task.form().get("companyName");
        }
        if (InsuranceFields.isBlank(name)) {
            throw new DepartmentContractException("unit medical insurance registration for task " + task.taskId()
                    + " knows the credit code " + creditCode + " but not the unit's name");
        }
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("uscc", creditCode.strip());
        unit.put("emp_name", name);
        return unit;
    }

    /** 申请人: who asked at the window, a person (the founder) or the unit and the person acting for it. */
    private static Map<String, Object> applicant(Applicant applicant) {
        Map<String, Object> fields = new LinkedHashMap<>();
        boolean unit = applicant.kind() == ApplicantKind.COMPANY;
        fields.put("aply_type", unit ? "2" : "1");
        fields.put("aply_name", applicant.name());
        fields.put("aply_certno", unit ? applicant.creditCode() : applicant.idNumber());
        if (unit && applicant.idNumber() != null) {
            fields.put("agnt_certno", applicant.idNumber());
        }
        fields.put("tel", applicant.mobile());
        return fields;
    }

    @Override
    public Map<String, String> results(JsonNode output) {
        JsonNode unit = output.path("empinfo");
        String creditCode = InsuranceFields.text(unit, "uscc");
        UnifiedSocialCreditCodeValidator.fault(creditCode).ifPresent(fault -> {
            throw new DepartmentContractException(MedicalInsuranceMapping.DEPARTMENT + " registered the credit code " + creditCode
                    + ", which " + fault);
        });
        Map<String, String> results = new LinkedHashMap<>();
        results.put("miUnitNo", InsuranceFields.text(unit, "emp_no"));
        results.put("creditCode", creditCode);
        results.put("companyName", InsuranceFields.text(unit, "emp_name"));
        results.put("insuranceType", InsuranceFields.insuranceType(unit, InsuranceFields.EMPLOYEE_BASIC));
        results.put("insuredFrom", InsuranceFields.date(unit, "emp_insu_date"));
        return results;
    }
}
