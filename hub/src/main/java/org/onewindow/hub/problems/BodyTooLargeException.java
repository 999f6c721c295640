package org.onewindow.hub.problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.util.List;

/** A request body larger than the hub accepts. An IOException so that it can stop a body being read. */
public class BodyTooLargeException extends IOException {
    private final long limit;

    BodyTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    ProblemDetail problem() {
        return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large",
                "The request body exceeds the limit of " + limit + " bytes",
                List.of(new Fault("body", "too-large", "exceeds " + limit + " bytes")));
    }
}
