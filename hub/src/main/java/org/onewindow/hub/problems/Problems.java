package org.onewindow.hub.problems;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;

/** Builds the hub's RFC 9457 problem documents: a type under /problems/, a title, and every fault. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail, List<Fault> faults) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        problem.setProperty("errors", faults);
        return problem;
    }
}
