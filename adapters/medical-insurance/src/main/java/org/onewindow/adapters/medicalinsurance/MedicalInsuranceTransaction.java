package org.onewindow.adapters.medicalinsurance;

import com.fasterxml.jackson.databind.JsonNode;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.schemas.tasks.TaskMessage;

import java.util.List;
import java.util.Map;

/**
 * One transaction (交易) of the medical security bureau's gateway: its transaction number (infno), what its
 * {@code input} block carries, and how the {@code output} of a successful reply becomes results in the hub's words.
 */
sealed interface MedicalInsuranceTransaction permits UnitRegistration, EmployeeEnrolment, ResidentEnrolment {

    List<MedicalInsuranceTransaction> OFFERED = List.of(new UnitRegistration(), new EmployeeEnrolment(), new ResidentEnrolment());

    /** The catalogue item (事项) this transaction handles. */
    String itemCode();

    /** The bureau's transaction number (交易编号), sent as infno. */
    String infno();

    /** The request's input block. */
    Map<String, Object> input(TaskMessage task);

    /** The results of a successful reply (infcode 0), from its output block. */
    Map<String, String> results(JsonNode output);

    static MedicalInsuranceTransaction forItem(String itemCode) {
        return OFFERED.stream().filter(t -> t.itemCode().equals(itemCode)).findFirst()
                .orElseThrow(() -> new DepartmentContractException(
                        "the medical security bureau offers no transaction for item " + itemCode));
    }
}
