package org.onewindow.hub.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One read of a holder's personal data, as {@link AccessLog#record(DataRead)} logs it.
 *
 * @param caller   who reads: a department code (tax, police …) or another system's name
 * @param holderId whose data it is: the full resident ID number or unified social credit code
 * @param dataKind licence or shared data
 * @param what     what is read, for a person: licence type and number, or data item and producing department,
 *                 e.g. "business-licence 91320102MA1XYW123R" or "company-registration from market-regulation"
 * @param purpose  why (用途): the purpose the read serves, e.g. a sharing agreement's purpose; required
 * @param caseId   the case (办件) the read is for; required
 */
public record DataRead(String caller, String holderId, DataKind dataKind, String what, String purpose, String caseId) {

    public DataRead {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(holderId, "holderId");
        Objects.requireNonNull(dataKind, "dataKind");
        Objects.requireNonNull(what, "what");
    }

    /** The names of the required fields this read leaves blank: purpose, caseId, or none. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (purpose == null || purpose.isBlank()) {
            missing.add("purpose");
        }
        if (caseId == null || caseId.isBlank()) {
            missing.add("caseId");
        }
        return List.copyOf(missing);
    }
}
