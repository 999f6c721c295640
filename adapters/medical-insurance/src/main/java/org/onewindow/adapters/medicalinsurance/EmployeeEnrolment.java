package org.onewindow.adapters.medicalinsurance;

import com.fasterxml.jackson.databind.JsonNode;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.schemas.cases.ApplicantKind;
import org.onewindow.schemas.tasks.TaskMessage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 7102 职工参保登记: an employee's basic medical insurance under the employer's unit registration. The employer is the
 * company an earlier step registered (inputs creditCode, companyName, miUnitNo), else the one the form names
 * (employerCreditCode, employerName). The payment base (缴费基数) the bureau approves is a result, shared with the tax
 * bureau, which collects the contributions.
 */
final class EmployeeEnrolment implements MedicalInsuranceTransaction {

    @Override
    public String itemCode() {
        return "MI-EMPLOYEE-ENROLMENT";
    }

    @Override
    public String infno() {
        return "7102";
    }

    @Override
    public Map<String, Object> input(TaskMessage task) {
        if (task.applicant().kind() != ApplicantKind.PERSON) {
            throw new DepartmentContractException("employee medical insurance enrolment for task " + task.taskId()
                    + " is for a person; the applicant is a " + task.applicant().kind());
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("psninfo", InsuranceFields.person(task.applicant()));
        input.put("empinfo", employer(task));
        input.put("insuinfo", insurance(task));
        input.put("exp_content", task.form());
        return input;
    }

    private static Map<String, Object> employer(TaskMessage task) {
        String creditCode = task.inputs().get("creditCode");
        String name = task.inputs().get("companyName");
        if (InsuranceFields.isBlank(creditCode)) {
            creditCode = task.form().get("employerCreditCode");
            name = task.form().get("employerName");
        }
        if (InsuranceFields.isBlank(creditCode)) {
            throw new DepartmentContractException("employee medical insurance enrolment for task " + task.taskId()
                    + " needs the employer's credit code: the form field employerCreditCode, or creditCode from an earlier step");
        }
        Map<String, Object> employer = new LinkedHashMap<>();
        employer.put("uscc", creditCode.strip());
        if (!InsuranceFields.isBlank(name)) {
            employer.put("emp_name", name);
        }
        String unitNo = task.inputs().get("miUnitNo");
        if (!InsuranceFields.isBlank(unitNo)) {
            employer.put("emp_no", unitNo);
        }
        return employer;
    }

    private static Map<String, Object> insurance(TaskMessage task) {
        Map<String, Object> insurance = new LinkedHashMap<>();
        insurance.put("insutype", InsuranceFields.EMPLOYEE_BASIC);
        String start = task.form().get("startDate");
        if (!InsuranceFields.isBlank(start)) {
            insurance.put("begndate", InsuranceFields.formDate(task.taskId(), "startDate", start));
        }
        String wage = task.form().get("monthlyWage");
        if (!InsuranceFields.isBlank(wage)) {
            insurance.put("clct_base", InsuranceFields.amount(task.taskId(), "monthlyWage", wage));
        }
        return insurance;
    }

    @Override
    public Map<String, String> results(JsonNode output) {
        JsonNode insurance = output.path("insuinfo");
        Map<String, String> results = new LinkedHashMap<>();
        results.put("miPersonNo", InsuranceFields.text(insurance, "psn_no"));
        results.put("insuranceType", InsuranceFields.insuranceType(insurance, InsuranceFields.EMPLOYEE_BASIC));
        results.put("insuranceStatus", InsuranceFields.insuranceStatus(insurance));
        results.put("insuredFrom", InsuranceFields.date(insurance, "psn_insu_date"));
        results.put("contributionBase", InsuranceFields.text(insurance, "clct_base"));
        results.put("miUnitNo", InsuranceFields.text(insurance, "emp_no"));
        return results;
    }
}
