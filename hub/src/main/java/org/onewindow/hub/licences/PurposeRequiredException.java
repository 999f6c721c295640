package org.onewindow.hub.licences;

import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * A read of personal data (an e-licence) without a stated purpose and case (rule 4 of DESIGN.md):
 * 400 {@code /problems/purpose-required}, naming every missing field. Thrown before anything is read.
 */
public class PurposeRequiredException extends ProblemException {

    PurposeRequiredException(List<Fault> faults) {
        super(HttpStatus.BAD_REQUEST, "purpose-required", "A purpose and a case are required to read personal data",
                "An e-licence is read only for a stated purpose of a stated case; missing: "
                        + String.join(", ", faults.stream().map(Fault::field).toList()), faults);
    }

    /** @throws PurposeRequiredException unless both purpose and caseId are given (not blank) */
    public static void check(String purpose, String caseId) {
        List<Fault> missing = new ArrayList<>();
        if (purpose == null || purpose.isBlank()) {
            missing.add(new Fault("purpose", "required", "must state why the licence is read, e.g. 二手房转移登记材料核验"));
        }
        if (caseId == null || caseId.isBlank()) {
            missing.add(new Fault("caseId", "required", "must name the case (办件) the licence is read for"));
        }
        if (!missing.isEmpty()) {
            throw new PurposeRequiredException(missing);
        }
    }
}
