package org.onewindow.adapters.provincial;

import com.fasterxml.jackson.databind.JsonNode;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.adapters.kit.JsonReplies;
import org.onewindow.schemas.identity.UnifiedSocialCreditCodeValidator;
import org.onewindow.schemas.tasks.TaskMessage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 企业设立登记 company establishment: the founder registers a new company and the platform issues its
 * business licence (营业执照). Its credit code and name feed every later step of the bundle (tax,
 * seal filing, social insurance, food licence), so a reply that breaks them is refused here.
 */
final class CompanyEstablishment implements PlatformService {

    private static final List<String> FORM_FIELDS = List.of("companyName", "businessScope", "registeredCapital", "address");

    @Override
    public String itemCode() {
        return "MR-COMPANY-ESTABLISHMENT";
    }

    @Override
    public String serviceCode() {
        return "MR.COMPANY.ESTABLISH";
    }

    @Override
    public String path() {
        return "/gateway/api/v1/market-regulation/company-registrations";
    }

    @Override
    public Map<String, Object> fields(TaskMessage task) {
        List<String> missing = FORM_FIELDS.stream().filter(field -> isBlank(task.form().get(field))).toList();
        if (!missing.isEmpty()) {
            throw new DepartmentContractException("company establishment for task " + task.taskId()
                    + " lacks the form fields " + missing + " the platform requires");
        }
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", task.form().get("companyName"));
        company.put("businessScope", task.form().get("businessScope"));       // 经营范围
        company.put("registeredCapital", task.form().get("registeredCapital")); // 注册资本, in 万元
        company.put("address", task.form().get("address"));                   // 住所
        return Map.of("company", company);
    }

    @Override
    public Map<String, String> results(JsonNode reply) {
        String creditCode = JsonReplies.requiredText(ProvincialMapping.DEPARTMENT, reply, "/data/businessLicence/unifiedSocialCreditCode");
        UnifiedSocialCreditCodeValidator.fault(creditCode).ifPresent(fault -> {
            throw new DepartmentContractException("the provincial platform issued the credit code " + creditCode
                    + ", which " + fault);
        });
        Map<String, String> results = new LinkedHashMap<>();
        results.put("creditCode", creditCode);
        results.put("companyName", JsonReplies.requiredText(ProvincialMapping.DEPARTMENT, reply, "/data/businessLicence/enterpriseName"));
        results.put("licenceNumber", JsonReplies.requiredText(ProvincialMapping.DEPARTMENT, reply, "/data/businessLicence/licenceSerialNo"));
        JsonNode establishedOn = reply.at("/data/businessLicence/establishedOn");
        if (establishedOn.isTextual()) {
            results.put("registeredOn", establishedOn.asText());
        }
        return results;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
