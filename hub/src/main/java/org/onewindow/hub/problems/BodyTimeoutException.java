package org.onewindow.hub.problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.util.List;

/**
 * A request body that arrives slower than the hub's minimum data rate, or stalls longer than its read timeout. An
 * IOException, so that it stops the body being read; answered 408 problem+json and the connection closed.
 */
public class BodyTimeoutException extends IOException {

    BodyTimeoutException(String why) {
        super(why);
    }

    ProblemDetail problem() {
        return Problems.of(HttpStatus.REQUEST_TIMEOUT, "request-timeout", "The request body arrived too slowly",
                "The request body " + getMessage() + "; send it again, at a normal speed",
                List.of(new Fault("body", "too-slow", getMessage())));
    }
}
