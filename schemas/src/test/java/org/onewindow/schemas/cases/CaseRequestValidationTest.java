package org.onewindow.schemas.cases;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CaseRequestValidationTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    static Applicant person(String idNumber, String mobile) {
        return new Applicant(ApplicantKind.PERSON, "张三", idNumber, null, mobile);
    }

    @Test
    void acceptsAValidPersonApplication() {
        CaseRequest request = new CaseRequest("SI-PERSON-ENROLMENT", null, person("11010519491231002X", "13800138000"),
                Map.of("startDate", "2026-12-01"), List.of(new MaterialSubmission("labour-contract", "doc-1")), null);
        assertThat(validator.validate(request)).isEmpty();
        assertThat(request.channel()).isEqualTo(Channel.WINDOW);
    }

    @Test
    void reportsBadCheckCharacterAndMissingMobileTogether() {
        CaseRequest request = new CaseRequest("SI-PERSON-ENROLMENT", null, person("110105194912310021", null), null, null, null);
        assertThat(faults(request)).containsExactlyInAnyOrder("applicant.idNumber", "applicant.mobile");
    }

    @Test
    void companyNeedsACreditCodeWithARightCheckCharacter() {
        Applicant good = new Applicant(ApplicantKind.COMPANY, "南京味道餐饮有限公司", null, "91110000600037341L", "13800138000");
        Applicant bad = new Applicant(ApplicantKind.COMPANY, "南京味道餐饮有限公司", null, "91110000600037341M", "13800138000");
        Applicant missing = new Applicant(ApplicantKind.COMPANY, "南京味道餐饮有限公司", null, null, "13800138000");
        assertThat(faults(new CaseRequest(null, "OPEN-RESTAURANT", good, null, null, null))).isEmpty();
        assertThat(faults(new CaseRequest(null, "OPEN-RESTAURANT", bad, null, null, null))).containsExactly("applicant.creditCode");
        assertThat(faults(new CaseRequest(null, "OPEN-RESTAURANT", missing, null, null, null))).containsExactly("applicant.creditCode");
    }

    @Test
    void namesTheItemWhenBothOrNeitherServiceIsGiven() {
        Applicant applicant = person("11010519491231002X", "13800138000");
        assertThat(faults(new CaseRequest("A1", "B1", applicant, null, null, null))).containsExactly("itemCode");
        assertThat(faults(new CaseRequest(null, null, applicant, null, null, null))).containsExactly("itemCode");
    }

    @Test
    void rejectsMobileNumbersOutsideTheMainlandPlan() {
        assertThat(faults(new CaseRequest("A1", null, person("11010519491231002X", "12800138000"), null, null, null)))
                .containsExactly("applicant.mobile");
        assertThat(faults(new CaseRequest("A1", null, person("11010519491231002X", "+8613800138000"), null, null, null)))
                .containsExactly("applicant.mobile");
    }

    @Test
    void namesNullEntriesOfListsAndMaps() {
        java.util.ArrayList<MaterialSubmission> materials = new java.util.ArrayList<>();
        materials.add(null);
        java.util.HashMap<String, String> form = new java.util.HashMap<>();
        form.put("startDate", null);
        assertThat(faults(new CaseRequest("A1", null, person("11010519491231002X", "13800138000"), form, materials, null)))
                .hasSize(2).anySatisfy(path -> assertThat(path).startsWith("materials[0]"))
                .anySatisfy(path -> assertThat(path).startsWith("form"));
    }

    private Set<String> faults(CaseRequest request) {
        return validator.validate(request).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .map(p -> p.replaceAll("<[^>]*>", "")).collect(Collectors.toSet());
    }
}
