package org.onewindow.hub.problems;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Tomcat's own error answers as RFC 9457 problem+json instead of its HTML page: the requests Tomcat refuses before
 * the hub sees them (a request header over the limit, a NUL or a broken %-escape in the path, a bad request line)
 * and any error nothing else has written a body for. No server version, stack trace or exception text: the fault
 * says what was wrong with the request in plain words. Installed on the host by {@link TomcatProblems}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's own valve: nothing for a success, nothing once a body is written, each error reported once
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        Fault fault = fault(status, response.getMessage(), throwable == null ? null : throwable.getMessage(),
                request.getRequestURI());
        String instance = request.getDecodedRequestURI() == null || request.getDecodedRequestURI().contains("\u0000")
                ? null : request.getDecodedRequestURI();
        String body = "{\"type\":\"/problems/" + type(status) + "\",\"title\":" + quote(title(status)) + ",\"status\":" + status
                + ",\"detail\":" + quote(fault.field() + " " + fault.message())
                + (instance == null ? "" : ",\"instance\":" + quote(instance))
                + ",\"errors\":[{\"field\":" + quote(fault.field()) + ",\"code\":" + quote(fault.code())
                + ",\"message\":" + quote(fault.message()) + "}]}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone, or the response is committed: nothing more can be said
        }
    }

    /**
     * What was wrong, from the status and Tomcat's own messages ("Invalid URI", "Request header is too large"): they
     * are not echoed, only read to tell a header fault from a path fault.
     */
    static Fault fault(int status, String message, String failure, String uri) {
        String reason = ((message == null ? "" : message) + " " + (failure == null ? "" : failure)).toLowerCase(Locale.ROOT);
        if (status == 400 && reason.contains("header")) {
            return new Fault("headers", "too-large", "are larger than the hub accepts, or malformed");
        }
        if (status == 400 && (reason.contains("uri") || reason.contains("request target") || reason.contains("character")
                || (reason.isBlank() && uri != null && uri.contains("%")))) {
            return new Fault("path", "invalid", "is not a valid request path (a NUL, a control character or a broken %-escape)");
        }
        if (status == 400) {
            return new Fault("request", "malformed", "is not a well-formed HTTP request");
        }
        if (status == 404) {
            return new Fault("path", "not-found", "does not exist");
        }
        if (status == 408) {
            return new Fault("body", "too-slow", "did not arrive in time");
        }
        if (status == 413) {
            return new Fault("body", "too-large", "is larger than the hub accepts");
        }
        if (status == 414) {
            return new Fault("path", "too-long", "is longer than the hub accepts");
        }
        if (status == 431) {
            return new Fault("headers", "too-large", "are larger than the hub accepts");
        }
        if (status == 505) {
            return new Fault("request", "http-version", "uses an HTTP version the hub does not speak");
        }
        if (status >= 500) {
            return new Fault("request", "failed", "could not be answered; the hub's log has the details");
        }
        return new Fault("request", "http-" + status, "was refused");
    }

    private static String type(int status) {
        return switch (status) {
            case 400 -> "invalid-request";
            case 404 -> "not-found";
            case 408 -> "request-timeout";
            case 413 -> "body-too-large";
            case 500 -> "internal-error";
            default -> "http-" + status;
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "The request is not valid";
            case 404 -> "Not found";
            case 408 -> "The request took too long to arrive";
            case 413 -> "Request body too large";
            case 414 -> "Request path too long";
            case 431 -> "Request headers too large";
            default -> status >= 500 ? "The hub failed to answer" : "The request was refused";
        };
    }

    /** A JSON string; written by hand here, below Spring, where no ObjectMapper is at hand. */
    static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
