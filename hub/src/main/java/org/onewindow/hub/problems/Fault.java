package org.onewindow.hub.problems;

/**
 * One thing wrong with a request.
 *
 * @param field   where: a JSON path such as {@code applicant.idNumber}, or a header name
 * @param code    a stable machine-readable code (the Bean Validation constraint, or one of the hub's)
 * @param message what is wrong, for a person
 */
public record Fault(String field, String code, String message) {
}
