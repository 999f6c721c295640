package org.onewindow.adapters.police;

import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.schemas.cases.ApplicantKind;
import org.onewindow.schemas.tasks.TaskMessage;

/**
 * The company a seal filing (公章刻制备案) is for. In the restaurant bundle the applicant is the founder
 * and the company exists only once the business-licence step has given its credit code, which arrives
 * in the task's inputs; a company applying on its own behalf names itself.
 */
record SealFilingCompany(String creditCode, String name) {

    static SealFilingCompany of(TaskMessage task) {
        boolean companyApplies = task.applicant().kind() == ApplicantKind.COMPANY;
        String creditCode = firstGiven(task.inputs().get("creditCode"), companyApplies ? task.applicant().creditCode() : null);
        if (creditCode == null) {
            throw new DepartmentContractException("a seal filing needs the company's unified social credit code, and task "
                    + task.taskId() + " has none: no input creditCode from an earlier step, and the applicant is not a company");
        }
        String name = firstGiven(task.inputs().get("companyName"), task.form().get("companyName"),
                companyApplies ? task.applicant().name() : null);
        if (name == null) {
            throw new DepartmentContractException("a seal filing needs the company's name, and task " + task.taskId()
                    + " has none: no input or form field companyName, and the applicant is not a company");
        }
        return new SealFilingCompany(creditCode, name);
    }

    private static String firstGiven(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
