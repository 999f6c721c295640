package org.onewindow.hub.access;

import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A read of personal data without a stated purpose or case: refused (and logged as refused) by
 * {@link AccessLog}. Answered as 400 problem+json of type /problems/purpose-required, one fault per
 * missing field.
 */
public class PurposeRequiredException extends ProblemException {

    PurposeRequiredException(List<String> missing) {
        super(HttpStatus.BAD_REQUEST, "purpose-required", "Personal data is read only for a stated purpose and case",
                "refused: no " + String.join(" and no ", missing) + " given for a read of personal data",
                missing.stream().map(field -> new Fault(field, "required",
                        "must name the " + ("purpose".equals(field) ? "purpose of the read" : "case the read is for"))).toList());
    }
}
