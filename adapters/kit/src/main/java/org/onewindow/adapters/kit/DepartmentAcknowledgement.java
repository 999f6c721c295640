package org.onewindow.adapters.kit;

/**
 * A department took the task and will send its decision later, by calling the hub back
 * (POST /api/v1/departments/{department}/callbacks/{taskId}).
 *
 * @param departmentRef the department's own number for the application (受理号)
 */
public record DepartmentAcknowledgement(String departmentRef) {
}
