package org.onewindow.adapters.medicalinsurance;

import com.fasterxml.jackson.databind.JsonNode;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.adapters.kit.JsonReplies;
import org.onewindow.schemas.cases.Applicant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The bureau's blocks and code lists, and its reply fields read into the hub's words. */
final class InsuranceFields {

    /** 险种类型 (insutype) in the bureau's code list, in the hub's words. */
    static final String EMPLOYEE_BASIC = "310";
    static final String RESIDENT_BASIC = "390";
    private static final Map<String, String> INSURANCE_TYPE = Map.of(EMPLOYEE_BASIC, "EMPLOYEE_BASIC", RESIDENT_BASIC, "RESIDENT_BASIC");
    /** 参保状态 (psn_insu_stas): 1 正常参保, 2 暂停参保, 4 终止参保. */
    private static final Map<String, String> INSURANCE_STATUS = Map.of("1", "INSURED", "2", "SUSPENDED", "4", "TERMINATED");
    /** 证件类型 01: 居民身份证. */
    private static final String ID_CARD = "01";
    /** An amount in yuan as the bureau takes it: up to 7 digits, at most 2 decimals. */
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,7}(\\.[0-9]{1,2})?");

    private InsuranceFields() {
    }

    /** psninfo / agntinfo: a person by resident ID card. */
    static Map<String, Object> person(String idNumber, String name, String mobile) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("psn_cert_type", ID_CARD);
        person.put("certno", idNumber);
        person.put("psn_name", name);
        if (!isBlank(mobile)) {
            person.put("tel", mobile);
        }
        return person;
    }

    static Map<String, Object> person(Applicant applicant) {
        return person(applicant.idNumber(), applicant.name(), applicant.mobile());
    }

    static String text(JsonNode output, String field) {
        return JsonReplies.requiredText(MedicalInsuranceMapping.DEPARTMENT, output, "/" + field);
    }

    /** A date the bureau writes yyyy-MM-dd, checked. */
    static String date(JsonNode output, String field) {
        String value = text(output, field);
        try {
            return LocalDate.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw new DepartmentContractException(MedicalInsuranceMapping.DEPARTMENT + " sent " + field + " " + value
                    + ", not a date yyyy-MM-dd", e);
        }
    }

    static String insuranceType(JsonNode output, String expected) {
        String type = text(output, "insutype");
        if (!expected.equals(type)) {
            throw new DepartmentContractException(MedicalInsuranceMapping.DEPARTMENT + " answered insutype " + type
                    + " where " + expected + " was asked for");
        }
        return INSURANCE_TYPE.get(type);
    }

    static String insuranceStatus(JsonNode output) {
        String status = text(output, "psn_insu_stas");
        if (!INSURANCE_STATUS.containsKey(status)) {
            throw new DepartmentContractException(MedicalInsuranceMapping.DEPARTMENT + " sent the insurance status " + status
                    + ", not one of " + INSURANCE_STATUS.keySet());
        }
        return INSURANCE_STATUS.get(status);
    }

    /** A form amount in yuan ("8000", "8000.5") as the bureau writes it ("8000.00"), or a contract fault naming the form field. */
    static String amount(String taskId, String formField, String value) {
        String amount = value.strip();
        if (!AMOUNT.matcher(amount).matches()) {
            throw new DepartmentContractException("task " + taskId + " has " + formField + " " + value
                    + "; the bureau takes an amount in yuan with at most 2 decimals");
        }
        return new BigDecimal(amount).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** A form date yyyy-MM-dd, or a contract fault naming the form field. */
    static String formDate(String taskId, String formField, String value) {
        try {
            return LocalDate.parse(value.strip()).toString();
        } catch (DateTimeParseException e) {
            throw new DepartmentContractException("task " + taskId + " has " + formField + " " + value
                    + "; the bureau takes a date yyyy-MM-dd", e);
        }
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
