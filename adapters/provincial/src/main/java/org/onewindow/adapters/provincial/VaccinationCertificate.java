package org.onewindow.adapters.provincial;

import com.fasterxml.jackson.databind.JsonNode;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.adapters.kit.JsonReplies;
import org.onewindow.schemas.cases.ApplicantKind;
import org.onewindow.schemas.tasks.TaskMessage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 预防接种证 a child's vaccination certificate (疫苗管理法 art. 47): the guardian applies, the vaccination clinic of the
 * child's residence issues it, through the health commission's service on the provincial platform. The child is
 * described by the newborn bundle's form (name, birth date, sex, the birth medical certificate's number), so the
 * certificate does not wait for the household registration.
 */
final class VaccinationCertificate implements PlatformService {

    private static final List<String> FORM_FIELDS = List.of("newbornName", "birthDate", "gender", "birthCertificateNo");

    @Override
    public String itemCode() {
        return "HC-VACCINATION-CERTIFICATE";
    }

    @Override
    public String serviceCode() {
        return "HC.VACCINATION-CERT.ISSUE";
    }

    @Override
    public String path() {
        return "/gateway/api/v1/health/vaccination-certificates";
    }

    @Override
    public Map<String, Object> fields(TaskMessage task) {
        if (task.applicant().kind() != ApplicantKind.PERSON) {
            throw new DepartmentContractException("vaccination certificate for task " + task.taskId()
                    + ": the applicant must be the child's guardian, a person, not a company");
        }
        List<String> missing = FORM_FIELDS.stream().filter(field -> isBlank(task.form().get(field))).toList();
        if (!missing.isEmpty()) {
            throw new DepartmentContractException("vaccination certificate for task " + task.taskId()
                    + " lacks the form fields " + missing + " the platform requires");
        }
        Map<String, Object> child = new LinkedHashMap<>();
        child.put("name", task.form().get("newbornName"));
        child.put("birthDate", task.form().get("birthDate"));
        child.put("sex", sex(task));
        child.put("birthCertificateNo", task.form().get("birthCertificateNo")); // 出生医学证明编号
        return Map.of("child", child);
    }

    /** The platform writes sex as GB/T 2261.1 does: 1 male, 2 female; the hub's form as M or F. */
    private static String sex(TaskMessage task) {
        return switch (task.form().get("gender").strip()) {
            case "M" -> "1";
            case "F" -> "2";
            default -> throw new DepartmentContractException("vaccination certificate for task " + task.taskId()
                    + " has the gender " + task.form().get("gender") + "; the platform takes M or F");
        };
    }

    @Override
    public Map<String, String> results(JsonNode reply) {
        Map<String, String> results = new LinkedHashMap<>();
        results.put("vaccinationCertificateNo",
                JsonReplies.requiredText(ProvincialMapping.DEPARTMENT, reply, "/data/vaccinationCertificate/certificateNo"));
        results.put("vaccinationClinic",
                JsonReplies.requiredText(ProvincialMapping.DEPARTMENT, reply, "/data/vaccinationCertificate/clinic"));
        return results;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
