package org.onewindow.hub.licences;

import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * The provincial e-licence library could not answer: connection refused, timed out, 5xx, or an answer
 * that is not one. Unchecked; rendered as 503 {@code /problems/licence-library-unavailable}.
 */
public class LicenceLibraryUnavailableException extends ProblemException {

    LicenceLibraryUnavailableException(String why, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "licence-library-unavailable", "The e-licence library is unavailable",
                "The provincial e-licence library (电子证照库) could not be read: " + why + ". Try again later.",
                List.of(new Fault("licence-library", "unavailable", why)));
        if (cause != null) {
            initCause(cause);
        }
    }
}
