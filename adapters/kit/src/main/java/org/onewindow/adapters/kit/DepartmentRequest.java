package org.onewindow.adapters.kit;

/**
 * One request to a department's system.
 *
 * @param path        appended to the department's base URL, e.g. {@code /si-gateway/v2/services/CB0101/applications}
 * @param body        the request body in the department's dialect
 * @param contentType its media type
 */
public record DepartmentRequest(String path, String body, String contentType) {
}
