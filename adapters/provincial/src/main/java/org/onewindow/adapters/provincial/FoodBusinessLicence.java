package org.onewindow.adapters.provincial;

import com.fasterxml.jackson.databind.JsonNode;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.adapters.kit.JsonReplies;
import org.onewindow.schemas.cases.Applicant;
import org.onewindow.schemas.cases.ApplicantKind;
import org.onewindow.schemas.tasks.TaskMessage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * 食品经营许可 food business licence: issued to a company (the licensee, 经营者), never to a person. In
 * the restaurant bundle the company is only a few minutes old, so its credit code comes from the
 * company-establishment step's results; an existing company applying alone is its own licensee.
 */
final class FoodBusinessLicence implements PlatformService {

    /** JY + 14 digits: business type, six-digit division code, serial number, check digit. */
    private static final Pattern LICENCE_NUMBER = Pattern.compile("JY[0-9]{14}");

    @Override
    public String itemCode() {
        return "MR-FOOD-BUSINESS-LICENCE";
    }

    @Override
    public String serviceCode() {
        return "MR.FOOD-LICENCE.ISSUE";
    }

    @Override
    public String path() {
        return "/gateway/api/v1/market-regulation/food-business-licences";
    }

    @Override
    public Map<String, Object> fields(TaskMessage task) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("licensee", licensee(task));
        fields.put("formData", task.form()); // business items, premises: the platform's form, not the hub's concern
        return fields;
    }

    private static Map<String, String> licensee(TaskMessage task) {
        String creditCode = task.inputs().get("creditCode");
        String companyName = task.inputs().get("companyName");
        Applicant applicant = task.applicant();
        if (isBlank(creditCode) && applicant.kind() == ApplicantKind.COMPANY) {
            creditCode = applicant.creditCode();
            companyName = applicant.name();
        }
        if (isBlank(creditCode)) {
            throw new DepartmentContractException("food business licence for task " + task.taskId()
                    + " needs the licensee's unified social credit code: no earlier step gave creditCode"
                    + " and the applicant is not a company");
        }
        if (isBlank(companyName)) {
            companyName = task.form().get("companyName");
        }
        if (isBlank(companyName)) {
            throw new DepartmentContractException("food business licence for task " + task.taskId()
                    + " knows the credit code " + creditCode + " but not the company's name");
        }
        Map<String, String> licensee = new LinkedHashMap<>();
        licensee.put("creditCode", creditCode);
        licensee.put("companyName", companyName);
        return licensee;
    }

    @Override
    public Map<String, String> results(JsonNode reply) {
        String licenceNumber = JsonReplies.requiredText(ProvincialMapping.DEPARTMENT, reply, "/data/foodBusinessLicence/licenceNo");
        if (!LICENCE_NUMBER.matcher(licenceNumber).matches()) {
            throw new DepartmentContractException("the provincial platform issued the food business licence number "
                    + licenceNumber + ", not JY followed by 14 digits");
        }
        Map<String, String> results = new LinkedHashMap<>();
        results.put("foodLicenceNumber", licenceNumber);
        results.put("validUntil", JsonReplies.requiredText(ProvincialMapping.DEPARTMENT, reply, "/data/foodBusinessLicence/validTo"));
        return results;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
