package org.onewindow.adapters.medicalinsurance;

import com.fasterxml.jackson.databind.JsonNode;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.schemas.cases.ApplicantKind;
import org.onewindow.schemas.tasks.TaskMessage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 7103 城乡居民参保登记: resident basic medical insurance, for the catalogue's item SI-MEDICAL-ENROLMENT (filed under
 * social insurance until the catalogue moves it here; its code stays). The insured is the newborn an earlier birth
 * registration step gave an ID number (input newbornIdNumber, form newbornName), the parent applying acting for them;
 * else the applicant.
 */
final class ResidentEnrolment implements MedicalInsuranceTransaction {

    @Override
    public String itemCode() {
        return "SI-MEDICAL-ENROLMENT";
    }

    @Override
    public String infno() {
        return "7103";
    }

    @Override
    public Map<String, Object> input(TaskMessage task) {
        if (task.applicant().kind() != ApplicantKind.PERSON) {
            throw new DepartmentContractException("resident medical insurance enrolment for task " + task.taskId()
                    + " is for a person; the applicant is a " + task.applicant().kind());
        }
        Map<String, Object> input = new LinkedHashMap<>();
        String newborn = task.inputs().get("newbornIdNumber");
        if (InsuranceFields.isBlank(newborn)) {
            input.put("psninfo", InsuranceFields.person(task.applicant()));
        } else {
            String name = task.form().get("newbornName");
            if (InsuranceFields.isBlank(name)) {
                throw new DepartmentContractException("resident medical insurance enrolment for task " + task.taskId()
                        + " enrols the newborn an earlier step registered but has no form field newbornName");
            }
            input.put("psninfo", InsuranceFields.person(newborn.strip(), name, null));
            input.put("agntinfo", InsuranceFields.person(task.applicant()));
        }
        input.put("insuinfo", Map.of("insutype", InsuranceFields.RESIDENT_BASIC));
        input.put("exp_content", task.form());
        return input;
    }

    @Override
    public Map<String, String> results(JsonNode output) {
        JsonNode insurance = output.path("insuinfo");
        Map<String, String> results = new LinkedHashMap<>();
        results.put("miPersonNo", InsuranceFields.text(insurance, "psn_no"));
        results.put("insuranceType", InsuranceFields.insuranceType(insurance, InsuranceFields.RESIDENT_BASIC));
        results.put("insuranceStatus", InsuranceFields.insuranceStatus(insurance));
        results.put("insuredFrom", InsuranceFields.date(insurance, "psn_insu_date"));
        return results;
    }
}
