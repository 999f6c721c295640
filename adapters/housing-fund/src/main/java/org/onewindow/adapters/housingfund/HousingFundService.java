package org.onewindow.adapters.housingfund;

import com.fasterxml.jackson.databind.JsonNode;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.schemas.tasks.TaskMessage;

import java.util.List;
import java.util.Map;

/**
 * One transaction (交易) of the housing provident fund centre's open API: its transaction code, what
 * its {@code data} block carries, and how the {@code data} of a successful reply becomes results in
 * the hub's words.
 */
sealed interface HousingFundService permits UnitDepositRegistration, PersonAccountOpening, DepositCertificate {

    List<HousingFundService> OFFERED = List.of(new UnitDepositRegistration(), new PersonAccountOpening(), new DepositCertificate());

    /** The catalogue item (事项) this transaction handles. */
    String itemCode();

    /** The centre's transaction code (交易码), in the path and in trans_code. */
    String transCode();

    /** The request's data block; {@code applicant} is the applicant block the mapping already wrote. */
    Map<String, Object> data(TaskMessage task, Map<String, Object> applicant);

    /** The results of a successful reply (ret_code 000000), from its data block. */
    Map<String, String> results(JsonNode data);

    static HousingFundService forItem(String itemCode) {
        return OFFERED.stream().filter(s -> s.itemCode().equals(itemCode)).findFirst()
                .orElseThrow(() -> new DepartmentContractException(
                        "the housing provident fund centre offers no transaction for item " + itemCode));
    }
}
