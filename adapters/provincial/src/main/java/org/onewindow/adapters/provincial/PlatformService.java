package org.onewindow.adapters.provincial;

import com.fasterxml.jackson.databind.JsonNode;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.schemas.tasks.TaskMessage;

import java.util.List;
import java.util.Map;

/**
 * One service the provincial platform offers on behalf of a department it fronts (market regulation, health): where it
 * is, what its body carries besides the applicant, and how its reply's data becomes results in the hub's words.
 */
sealed interface PlatformService permits CompanyEstablishment, FoodBusinessLicence, VaccinationCertificate {

    List<PlatformService> OFFERED = List.of(new CompanyEstablishment(), new FoodBusinessLicence(), new VaccinationCertificate());

    /** The catalogue item (事项) this service handles. */
    String itemCode();

    /** The platform's service code (服务编码), carried in head.serviceCode. */
    String serviceCode();

    String path();

    /** The body's fields for this service, next to the applicant. */
    Map<String, Object> fields(TaskMessage task);

    /** The results of a successful reply (head.code 200), named as later steps and the release expect them. */
    Map<String, String> results(JsonNode reply);

    static PlatformService forItem(String itemCode) {
        return OFFERED.stream().filter(s -> s.itemCode().equals(itemCode)).findFirst()
                .orElseThrow(() -> new DepartmentContractException(
                        "the provincial platform offers no service for item " + itemCode));
    }
}
